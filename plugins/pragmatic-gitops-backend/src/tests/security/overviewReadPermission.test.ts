/*
 * Finding 3: the overview must show only what the caller may read in the
 * catalog: items, totals and hotfix counts alike.
 */
import {
  createMockDirectory,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { newHotfix } from '../../ledger/__testUtils__/fixtures';
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
  deployedComponent(dir, 'web', { owner: 'team-shop' }),
  deployedComponent(dir, 'payments', { owner: 'team-pay' }),
];
const MALLORY = 'user:default/mallory';
// Mallory may read only what team-pay owns.
const mayRead = (entity: Entity, userRef?: string) =>
  userRef !== MALLORY || entity.spec?.owner === 'team-pay';

describe('GET /overview and catalog.entity.read', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start() {
    const knex = await databases.init('SQLITE_3');
    const backend = await startSecurityBackend({
      knex,
      entities,
      mayRead,
      conditionalReaders: [MALLORY],
    });
    // Summaries for both entities, and a pending hotfix on the hidden one.
    for (const name of ['web', 'payments']) {
      expect(
        (await backend.user().get(`/entities/component/default/${name}`))
          .status,
      ).toBe(200);
    }
    const hotfix = await backend
      .user()
      .post('/hotfixes', newHotfix({ entityRef: 'component:default/web' }));
    expect(hotfix.status).toBe(201);
    return backend;
  }

  it('hides entities, totals and hotfix counts the caller may not read', async () => {
    const backend = await start();

    const hidden = await backend
      .user(MALLORY)
      .get('/entities/component/default/web');
    expect(hidden.status).toBe(404);

    const mallory = await backend.user(MALLORY).get('/overview');
    expect(mallory.status).toBe(200);
    expect(mallory.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/payments',
    ]);
    expect(mallory.body.totalItems).toBe(1);
    expect(mallory.body.totals.byTrack).toEqual({ declarative: 1 });
    expect(mallory.body.totals.byStatus).toEqual({ unknown: 1 });
    expect(mallory.body.totals.hotfixes).toEqual({
      pending: 0,
      overdue: 0,
      reverted: 0,
    });
    expect(JSON.stringify(mallory.body)).not.toContain('team-shop');

    const byOwner = await backend
      .user(MALLORY)
      .get('/overview?owner=group:default/team-shop');
    expect(byOwner.body).toMatchObject({
      totalItems: 0,
      items: [],
      totals: {
        byStatus: {},
        hotfixes: { pending: 0, overdue: 0, reverted: 0 },
      },
    });
  });

  it('shows everything to a caller the policy allows to read all', async () => {
    const backend = await start();
    const alice = await backend.user().get('/overview');
    expect(alice.body.totalItems).toBe(2);
    expect(alice.body.totals.hotfixes).toEqual({
      pending: 1,
      overdue: 0,
      reverted: 0,
    });
    const shop = await backend
      .user()
      .get('/overview?owner=group:default/team-shop');
    expect(shop.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/web',
    ]);
    expect(shop.body.totals.hotfixes).toEqual({
      pending: 1,
      overdue: 0,
      reverted: 0,
    });
  });
});
