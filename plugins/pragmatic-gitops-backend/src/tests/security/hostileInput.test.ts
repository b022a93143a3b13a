/*
 * Findings 1 and 6: hostile pushed state and bodies. Keys of the prototype
 * chain are refused before anything copies them, lookups by outside keys
 * find own keys only, nesting and sizes are bounded, and the backend keeps
 * answering everyone else normally afterwards.
 */
import {
  createMockDirectory,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { newHotfix } from '../../ledger/__testUtils__/fixtures';
import { MAX_OPEN_HOTFIXES_PER_ENTITY } from '../../ledger/HotfixService';
import {
  deployedComponent,
  startSecurityBackend,
} from '../__testUtils__/securityBackend';

jest.setTimeout(120_000);

const dir = createMockDirectory();
dir.setContent({
  // A checkout: dir: sources may point anywhere inside its working tree.
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/catalog-info.yaml': 'kind: Component',
  'deploy/web/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec: { replicas: 2 }
`,
  'deploy/other/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: other, namespace: shop }
spec: { replicas: 1 }
`,
});

const entities = [
  deployedComponent(dir, 'web'),
  deployedComponent(dir, 'other'),
  deployedComponent(dir, 'odd-track', {
    annotations: { 'pragmatic-gitops.io/track': 'constructor' },
  }),
];

/** A live Deployment whose managedFields carry `fieldsV1` (raw JSON text). */
function hostilePush(fieldsV1: string) {
  return `{"entityRef":"component:default/web","source":"ci-agent","objects":[
    {"apiVersion":"apps/v1","kind":"Deployment",
     "metadata":{"name":"web","namespace":"shop","managedFields":[
       {"manager":"argocd-controller","operation":"Apply","fieldsType":"FieldsV1","fieldsV1":${fieldsV1}},
       {"manager":"kubectl-client-side-apply","operation":"Update","fieldsType":"FieldsV1","fieldsV1":${fieldsV1}}]},
     "spec":{"replicas":2}}]}`;
}

describe('hostile input through the real router', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start() {
    const knex = await databases.init('SQLITE_3');
    return startSecurityBackend({ knex, entities });
  }

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a pushed key %s with a 400 naming where it is, and keeps serving',
    async key => {
      const backend = await start();
      const res = await backend
        .service()
        .post('/observations')
        .set('Content-Type', 'application/json')
        .send(hostilePush(`{"f:spec":{"${key}":{"polluted":{"yes":{}}}}}`));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        `/objects/0/metadata/managedFields/0/fieldsV1/f:spec/${key}`,
      );
      expect(Object.prototype).not.toHaveProperty('polluted');

      const overview = await backend.user().get('/overview');
      expect(overview.status).toBe(200);
      const other = await backend
        .user()
        .get('/entities/component/default/other');
      expect(other.status).toBe(200);
      expect(other.body.entityRef).toBe('component:default/other');
      const hotfix = await backend.user().post('/hotfixes', newHotfix());
      expect(hotfix.status).toBe(201);
    },
  );

  it('answers a track annotation "constructor" as an invalid track, not a 500', async () => {
    const backend = await start();
    const res = await backend
      .user()
      .get('/entities/component/default/odd-track');
    expect(res.status).toBe(200);
    expect(res.body.track).toBeNull();
    expect(JSON.stringify(res.body)).toContain('is not a track');
  });

  it('refuses hotfix paths that name prototype keys', async () => {
    const backend = await start();
    const res = await backend.user().post(
      '/hotfixes',
      newHotfix({
        changes: [
          { kind: 'Deployment', name: 'web', paths: ['/__proto__/polluted'] },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('changes[0].paths[0]');
  });

  it('refuses JSON nested deeper than the limit with a 400, not a broken stack', async () => {
    const backend = await start();
    const depth = 20_000;
    const deep = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const res = await backend
      .service()
      .post('/observations')
      .set('Content-Type', 'application/json')
      .send(
        `{"entityRef":"component:default/web","source":"ci","objects":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":${deep}}]}`,
      );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('nested deeper than 64 levels');
  });

  it('keeps the large body limit for observations only', async () => {
    const backend = await start();
    const big = 'x'.repeat(1024 * 1024);
    const hotfix = await backend
      .user()
      .post('/hotfixes', newHotfix({ description: big }));
    expect(hotfix.status).toBe(413);

    const observation = await backend.service().post('/observations', {
      entityRef: 'component:default/web',
      source: 'ci-agent',
      objects: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: {
            name: 'web',
            namespace: 'shop',
            labels: { note: big.slice(0, 60) },
            annotations: { note: big },
          },
          spec: { replicas: 2 },
        },
      ],
    });
    expect(observation.status).toBe(202);
  });

  it('caps the paths of one hotfix, naming changes', async () => {
    const backend = await start();
    const paths = Array.from({ length: 300 }, (_, i) => `/spec/field${i}`);
    const res = await backend.user().post(
      '/hotfixes',
      newHotfix({
        changes: [{ kind: 'Deployment', name: 'web', paths }],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^changes lists 1 resources and 300 paths/,
    );
  });

  it('caps the open hotfixes of one entity, naming entityRef', async () => {
    const backend = await start();
    for (let i = 0; i < MAX_OPEN_HOTFIXES_PER_ENTITY; i++) {
      expect((await backend.user().post('/hotfixes', newHotfix())).status).toBe(
        201,
      );
    }
    const res = await backend.user().post('/hotfixes', newHotfix());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      `entityRef component:default/web already has ${MAX_OPEN_HOTFIXES_PER_ENTITY} open hotfixes`,
    );
    // Other entities are not affected.
    const other = await backend
      .user()
      .post('/hotfixes', newHotfix({ entityRef: 'component:default/other' }));
    expect(other.status).toBe(201);
  });
});
