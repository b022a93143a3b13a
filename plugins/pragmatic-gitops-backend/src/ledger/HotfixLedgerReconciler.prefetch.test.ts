import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { ledgerEntities, newHotfix } from './__testUtils__/fixtures';
import { ledgerTestDb } from './__testUtils__/ledgerTestDb';
import { HotfixLedgerReconciler } from './HotfixLedgerReconciler';

jest.setTimeout(60_000);

describe('HotfixLedgerReconciler.prefetch', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('asks for open hotfixes only of the entities of the page that have some', async () => {
    const { logger, replica } = await ledgerTestDb(databases, 'SQLITE_3');
    const hotfixes = replica();
    await hotfixes.create(newHotfix(), {
      credentials: mockCredentials.user('user:default/alice'),
    });
    const openHotfixes = jest.spyOn(hotfixes, 'openHotfixes');
    const reconciler = new HotfixLedgerReconciler({
      hotfixes,
      commitFinders: [],
      logger,
    });
    const [web, db] = ledgerEntities;
    const input = (entityRef: string) => ({
      entity: entityRef.endsWith('web') ? web : db,
      entityRef,
      result: { status: 'in-sync' as const, resources: [], pairs: [] },
      live: { objects: [] },
      observedAt: new Date(),
    });

    const page = await reconciler.prefetch([
      'component:default/web',
      'component:default/payments-db',
    ]);
    await expect(
      page.reconcile(input('component:default/payments-db')),
    ).resolves.toEqual({ resources: [], allExplained: false });
    expect(openHotfixes).not.toHaveBeenCalled();

    const outcome = await page.reconcile(input('Component:default/web'));
    expect(openHotfixes).toHaveBeenCalledWith('Component:default/web');
    // Its open hotfix dates the outcome: the ledger was consulted.
    expect(outcome.latestEventAt).toBeInstanceOf(Date);
  });
});
