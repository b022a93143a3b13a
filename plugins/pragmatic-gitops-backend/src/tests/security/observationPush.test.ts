/*
 * Finding 5: pushes are per-entity permissions, the stream a push replaces
 * belongs to the caller's credentials, and a far-future observedAt is refused.
 */
import {
  createMockDirectory,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import {
  deployedComponent,
  startSecurityBackend,
} from '../__testUtils__/securityBackend';

jest.setTimeout(60_000);

const dir = createMockDirectory();
const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: shop }
spec: { replicas: 2 }
`;
dir.setContent({
  // A checkout: dir: sources may point anywhere inside its working tree.
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/catalog-info.yaml': 'kind: Component',
  'deploy/web/deployment.yaml': deployment('web'),
  'deploy/payments/deployment.yaml': deployment('payments'),
});

const entities = [
  deployedComponent(dir, 'web'),
  deployedComponent(dir, 'payments'),
];

const live = (name: string, replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop' },
  spec: { replicas },
});

describe('POST /observations trust', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;

  async function start() {
    knex = await databases.init('SQLITE_3');
    return startSecurityBackend({
      knex,
      entities,
      // The web team's agent may push for web only.
      decide: ({ permission, resourceRef, credentials }) =>
        permission === 'pragmatic-gitops.observation.create' &&
        (credentials.principal as { subject?: string }).subject ===
          'external:web-agent' &&
        resourceRef !== 'component:default/web'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    });
  }

  it('asks pragmatic-gitops.observation.create for the entity pushed to', async () => {
    const backend = await start();
    const own = await backend
      .service('external:web-agent')
      .post('/observations', {
        entityRef: 'component:default/web',
        source: 'ci-agent',
        objects: [live('web', 2)],
      });
    expect(own.status).toBe(202);

    const other = await backend
      .service('external:web-agent')
      .post('/observations', {
        entityRef: 'component:default/payments',
        source: 'ci-agent',
        objects: [live('payments', 9)],
      });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain(
      'pragmatic-gitops.observation.create',
    );
    expect(
      await knex('observations').where({
        entity_ref: 'component:default/payments',
      }),
    ).toHaveLength(0);
  });

  it("keeps each caller's stream: the same label from another caller replaces nothing", async () => {
    const backend = await start();
    await backend.service('external:web-agent').post('/observations', {
      entityRef: 'component:default/web',
      source: 'ci-agent',
      objects: [live('web', 2)],
    });
    const impostor = await backend
      .service('external:other-agent')
      .post('/observations', {
        entityRef: 'component:default/web',
        source: 'ci-agent',
        objects: [live('web', 2)],
      });
    expect(impostor.status).toBe(202);
    const rows = await knex('observations')
      .where({ entity_ref: 'component:default/web' })
      .orderBy('source');
    expect(rows.map(row => row.source)).toEqual([
      'external:other-agent ci-agent',
      'external:web-agent ci-agent',
    ]);
    // The label is still what the page shows.
    const status = await backend.user().get('/entities/component/default/web');
    expect(status.body.drift.source).toContain('ci-agent');
    expect(status.body.drift.source).not.toContain('external:');
  });

  it('refuses an observedAt too far ahead with a 400 naming observedAt', async () => {
    const backend = await start();
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
    const res = await backend
      .service('external:web-agent')
      .post('/observations', {
        entityRef: 'component:default/web',
        source: 'ci-agent',
        observedAt: tomorrow,
        objects: [live('web', 5)],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^observedAt .* ahead of the server clock/,
    );
    expect(await knex('observations')).toHaveLength(0);

    const soon = new Date(Date.now() + 60 * 1000).toISOString();
    const skewed = await backend
      .service('external:web-agent')
      .post('/observations', {
        entityRef: 'component:default/web',
        source: 'ci-agent',
        observedAt: soon,
        objects: [live('web', 2)],
      });
    expect(skewed.status).toBe(202);
  });
});
