/**
 * A push answers with the entity's status computed from everything it rests
 * on at that moment, although the computation reuses what did not change
 * (the manifests read from disk, their parse and redaction, the hotfixes the
 * ledger read): a changed manifest, observation or hotfix shows at once.
 */
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import request from 'supertest';
import { dirSourcedComponent } from '../__testUtils__/webEntity';
import { pragmaticGitopsPlugin } from '../plugin';

jest.setTimeout(60_000);

const ENTITY = 'component:default/web';
const API = '/api/pragmatic-gitops';
const dir = createMockDirectory();
const MANIFEST = 'deploy/web/deployment.yaml';
const PULLED = new Date(Date.now() - 60 * 60_000);

function git(replicas: number) {
  dir.setContent({
    '.git/HEAD': 'ref: refs/heads/main',
    'catalog/web.yaml': 'kind: Component',
    [MANIFEST]: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: ${replicas}
`,
  });
  fs.utimesSync(dir.resolve(MANIFEST), PULLED, PULLED);
}

const entity = dirSourcedComponent(dir, 'web', 'team-shop');

describe('push answers', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;

  async function start() {
    backend = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
      ],
    });
    return backend.server;
  }

  beforeEach(() => {
    git(2);
    // The backend looks at the files an hour after they were written, so
    // it may answer from what it read before when nothing changed.
    jest.useFakeTimers({
      now: Date.now() + 60 * 60_000,
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
    jest.useRealTimers();
  });

  async function push(server: any, replicas: number) {
    const res = await request(server)
      .post(`${API}/observations`)
      .set('Authorization', mockCredentials.service.header())
      .send({
        entityRef: ENTITY,
        source: 'ci-agent',
        objects: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'web', namespace: 'shop' },
            spec: { replicas },
          },
        ],
      });
    expect(res.status).toBe(202);
    return res.body;
  }

  const user = () => mockCredentials.user.header('user:default/alice');

  it('compares a manifest changed on disk, even to the same size with its times set back', async () => {
    const server = await start();
    expect((await push(server, 2)).drift.status).toBe('in-sync');
    expect((await push(server, 2)).drift.status).toBe('in-sync');
    git(3); // same length, same modification time: only the change time moved
    const after = await push(server, 2);
    expect(after.drift.status).toBe('drifted');
    expect(after.drift.resources[0].differences).toEqual([
      expect.objectContaining({ path: '/spec/replicas', desired: 3, live: 2 }),
    ]);
  });

  it('compares every observation pushed against unchanged manifests', async () => {
    const server = await start();
    expect((await push(server, 2)).drift.status).toBe('in-sync');
    expect((await push(server, 5)).drift.status).toBe('drifted');
    expect((await push(server, 2)).drift.status).toBe('in-sync');
  });

  it('lists the open hotfixes as they are after the push: with the events it added, without those it closed', async () => {
    const server = await start();
    await push(server, 6);
    const recorded = await request(server)
      .post(`${API}/hotfixes`)
      .set('Authorization', user())
      .send({
        entityRef: ENTITY,
        title: 'Scale web for the sale',
        changes: [
          {
            kind: 'Deployment',
            namespace: 'shop',
            name: 'web',
            paths: ['/spec/replicas'],
          },
        ],
      });
    expect(recorded.status).toBe(201);
    const stored = async () =>
      (
        await request(server)
          .get(`${API}/hotfixes/${recorded.body.id}`)
          .set('Authorization', user())
      ).body;

    const still = await push(server, 6);
    expect(still.drift.status).toBe('explained');
    expect(still.hotfixes).toHaveLength(1);
    expect(still.hotfixes[0].events.map((e: any) => e.type)).toEqual(
      (await stored()).events.map((e: any) => e.type),
    );

    const reverted = await push(server, 2);
    expect(reverted.drift.status).toBe('in-sync');
    expect((await stored()).status).toBe('reverted');
    expect(reverted.hotfixes).toEqual([]);
  });
});
