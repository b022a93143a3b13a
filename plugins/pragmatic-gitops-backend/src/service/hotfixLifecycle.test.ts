/**
 * The hotfix lifecycle through the real plugin, in the incident timelines
 * on-call engineers actually produce. No scheduled scan runs in these tests:
 * every step is a computation a user or agent causes (recording a hotfix, a
 * pushed observation, a refresh after Git changed), and each ordering must
 * end in the right status with its events and their times.
 */
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { pragmaticGitopsPlugin } from '../plugin';

jest.setTimeout(60_000);

const ENTITY = 'component:default/web';
const API = '/api/pragmatic-gitops';
const REPLICAS = '/spec/replicas';

const dir = createMockDirectory();

/** The manifest in Git, with the replicas it declares. */
function git(replicas: number) {
  dir.setContent({
    // A checkout: dir: sources may point anywhere inside its working tree.
    '.git/HEAD': 'ref: refs/heads/main',
    'catalog/web.yaml': 'kind: Component',
    'deploy/web/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: ${replicas}
  template:
    spec:
      containers:
        - name: web
          image: shop/web:1.0.0
`,
  });
}

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'web',
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': `file:${dir.resolve(
        'catalog/web.yaml',
      )}`,
      'pragmatic-gitops.io/track': 'declarative',
      'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
    },
  },
  spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
};

function liveDeployment(replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', uid: 'u1' },
    spec: {
      replicas,
      template: {
        spec: { containers: [{ name: 'web', image: 'shop/web:1.0.0' }] },
      },
    },
    status: { readyReplicas: replicas },
  };
}

/** Observations before a hotfix is recorded: minutes after an hour ago. */
const T0 = Date.now() - 60 * 60_000;
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
/** Observations after a hotfix was recorded happen later than the recording. */
const now = () => new Date().toISOString();

describe('hotfix lifecycle orderings', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;

  async function start(options: { freshDatabase?: boolean } = {}) {
    if (options.freshDatabase !== false) {
      knex = await databases.init('SQLITE_3');
    }
    backend = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.database.factory({ knex }),
      ],
    });
    return backend.server;
  }

  /** Stops the backend; the next `start({ freshDatabase: false })` is a restart. */
  async function stop() {
    await backend?.stop();
    backend = undefined;
  }

  beforeEach(() => git(2));
  afterEach(stop);

  const user = () => mockCredentials.user.header('user:default/alice');

  async function push(server: any, replicas: number, observedAt: string) {
    const res = await request(server)
      .post(`${API}/observations`)
      .set('Authorization', mockCredentials.service.header())
      .send({
        entityRef: ENTITY,
        source: 'ci-agent',
        observedAt,
        objects: [liveDeployment(replicas)],
      });
    expect(res.status).toBe(202);
    return res.body;
  }

  async function record(server: any, title = 'Scale web for the sale') {
    const res = await request(server)
      .post(`${API}/hotfixes`)
      .set('Authorization', user())
      .send({
        entityRef: ENTITY,
        title,
        changes: [
          {
            kind: 'Deployment',
            namespace: 'shop',
            name: 'web',
            paths: [REPLICAS],
          },
        ],
      });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function refresh(server: any) {
    const res = await request(server)
      .post(`${API}/entities/component/default/web/refresh`)
      .set('Authorization', user());
    expect(res.status).toBe(200);
    return res.body;
  }

  async function entityStatus(server: any) {
    return (
      await request(server)
        .get(`${API}/entities/component/default/web`)
        .set('Authorization', user())
    ).body;
  }

  async function hotfix(server: any, id: string) {
    return (
      await request(server)
        .get(`${API}/hotfixes/${id}`)
        .set('Authorization', user())
    ).body;
  }

  const steps = (h: any) =>
    h.events.map((e: any) => ({ type: e.type, at: e.at }));

  it('record → back-port in Git before any scan: explained at once, then backported', async () => {
    const server = await start();
    await push(server, 6, at(0));
    const recorded = await record(server);
    // The response already shows the baseline and the drift it explains.
    expect(recorded.events.map((e: any) => e.type)).toEqual([
      'recorded',
      'baseline',
      'drift-observed',
    ]);
    const explained = await entityStatus(server);
    expect(explained.drift.status).toBe('explained');
    expect(explained.drift.resources[0].differences).toEqual([
      expect.objectContaining({ path: REPLICAS, explainedBy: recorded.id }),
    ]);

    git(6); // the back-port lands in Git
    const after = await refresh(server);
    expect(after.drift.status).toBe('in-sync');
    const done = await hotfix(server, recorded.id);
    expect(done.status).toBe('backported');
    expect(done.events.map((e: any) => e.type)).toEqual([
      'recorded',
      'baseline',
      'drift-observed',
      'backported',
    ]);
    expect(done.events[3].detail).toMatchObject({ via: 'git-match' });
  });

  it('record → the controller reverts before any scan: reverted, dated by the observation', async () => {
    const server = await start();
    await push(server, 6, at(0));
    const recorded = await record(server);
    const revertedAt = now();
    await push(server, 2, revertedAt);
    const done = await hotfix(server, recorded.id);
    expect(done.status).toBe('reverted');
    expect(steps(done).slice(-1)).toEqual([
      { type: 'reverted', at: revertedAt },
    ]);
    expect((await entityStatus(server)).drift.status).toBe('in-sync');
  });

  it('push → record → push reverted: each step in the events, status history dated by when it happened', async () => {
    const server = await start();
    await push(server, 2, at(0)); // in sync
    await push(server, 6, at(10)); // someone scaled by hand
    const recorded = await record(server);
    const revertedAt = now();
    await push(server, 2, revertedAt); // the controller put Git's value back
    const done = await hotfix(server, recorded.id);
    expect(done.status).toBe('reverted');
    expect(done.events.map((e: any) => e.type)).toEqual([
      'recorded',
      'baseline',
      'drift-observed',
      'reverted',
    ]);
    expect(done.events[3].at).toBe(revertedAt);
    for (const event of done.events) {
      expect(Date.parse(event.at)).toBeGreaterThanOrEqual(
        Date.parse(done.recordedAt),
      );
    }

    const history = await request(server)
      .get(`${API}/entities/component/default/web/history`)
      .set('Authorization', user());
    const transitions = history.body.transitions.map((t: any) => [t.to, t.at]);
    expect(transitions).toEqual([
      ['in-sync', at(0)],
      ['drifted', at(10)],
      ['explained', done.recordedAt],
      ['in-sync', revertedAt],
    ]);
    const overview = await request(server)
      .get(`${API}/overview`)
      .set('Authorization', user());
    expect(overview.body.items[0]).toMatchObject({
      entityRef: ENTITY,
      status: 'in-sync',
      since: revertedAt,
    });
  });

  it('record before the drift is visible (still being applied) → drift seen → back-ported', async () => {
    const server = await start();
    await push(server, 2, at(0));
    const recorded = await record(server);
    expect(recorded.events.map((e: any) => e.type)).toEqual([
      'recorded',
      'baseline',
    ]);
    expect((await entityStatus(server)).drift.status).toBe('in-sync');

    const appliedAt = now();
    const applied = await push(server, 6, appliedAt);
    expect(applied.drift.status).toBe('explained');
    git(6);
    const backportedAt = now();
    await push(server, 6, backportedAt);
    const done = await hotfix(server, recorded.id);
    expect(steps(done)).toEqual([
      { type: 'recorded', at: done.recordedAt },
      { type: 'baseline', at: done.recordedAt },
      { type: 'drift-observed', at: appliedAt },
      { type: 'backported', at: backportedAt },
    ]);
  });

  it('record before the drift is visible, applied and back-ported before the next computation: backported', async () => {
    const server = await start();
    await push(server, 2, at(0));
    const recorded = await record(server);
    git(6);
    await push(server, 6, now());
    const done = await hotfix(server, recorded.id);
    expect(done.status).toBe('backported');
    expect(done.events.map((e: any) => e.type)).toEqual([
      'recorded',
      'baseline',
      'backported',
    ]);
  });

  it('two hotfixes touching the same field: both explain it, both close when Git catches up', async () => {
    const server = await start();
    await push(server, 6, at(0));
    const first = await record(server, 'Scale to 6');
    await push(server, 8, now());
    const second = await record(server, 'Scale to 8');
    const status = await entityStatus(server);
    expect(status.drift.status).toBe('explained');
    expect(status.hotfixes.map((h: any) => h.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );

    git(8);
    await refresh(server);
    expect((await hotfix(server, first.id)).status).toBe('backported');
    expect((await hotfix(server, second.id)).status).toBe('backported');
    expect((await entityStatus(server)).drift.status).toBe('in-sync');
  });

  it('two hotfixes touching the same field: the controller reverts both', async () => {
    const server = await start();
    await push(server, 6, at(0));
    const first = await record(server, 'Scale to 6');
    await push(server, 8, now());
    const second = await record(server, 'Scale to 8');
    await push(server, 2, now());
    expect((await hotfix(server, first.id)).status).toBe('reverted');
    expect((await hotfix(server, second.id)).status).toBe('reverted');
  });

  it('restart of the backend between steps: the lifecycle goes on from the database alone', async () => {
    let server = await start();
    await push(server, 6, at(0));
    const recorded = await record(server);
    await stop();

    server = await start({ freshDatabase: false });
    expect((await entityStatus(server)).drift.status).toBe('explained');
    const revertedAt = now();
    await push(server, 2, revertedAt);
    await stop();

    server = await start({ freshDatabase: false });
    const done = await hotfix(server, recorded.id);
    expect(done.status).toBe('reverted');
    expect(steps(done)).toEqual([
      { type: 'recorded', at: done.recordedAt },
      { type: 'baseline', at: done.recordedAt },
      { type: 'drift-observed', at: done.recordedAt },
      { type: 'reverted', at: revertedAt },
    ]);
  });

  it('no live state when recorded: the first computation that has it takes the baseline', async () => {
    const server = await start();
    const recorded = await record(server);
    expect(recorded.events.map((e: any) => e.type)).toEqual(['recorded']);
    await push(server, 6, now());
    await push(server, 2, now());
    const done = await hotfix(server, recorded.id);
    expect(done.status).toBe('reverted');
    expect(done.events.map((e: any) => e.type)).toEqual([
      'recorded',
      'baseline',
      'drift-observed',
      'reverted',
    ]);
  });
});
