import { TestDatabases } from '@backstage/backend-test-utils';
import { EntityStatusStore } from './EntityStatusStore';
import { migrationsDir } from './migrateDatabase';

jest.setTimeout(60_000);

describe('EntityStatusStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    return new EntityStatusStore(knex);
  }

  it.each(databases.eachSupportedId())(
    'keeps since across unchanged rescans and records each transition on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const base = {
        entityRef: 'Component:default/Payments-API',
        track: 'declarative' as const,
        owner: 'group:default/team-payments',
        detail: { resources: [] },
      };
      const t1 = new Date('2026-11-20T10:00:00Z');
      const t2 = new Date('2026-11-21T10:00:00Z');
      const t3 = new Date('2026-11-22T10:00:00Z');

      await store.put({ ...base, status: 'in-sync', checkedAt: t1 });
      await store.put({ ...base, status: 'drifted', checkedAt: t2 });
      await store.put({ ...base, status: 'drifted', checkedAt: t3 });

      const stored = await store.get('component:default/payments-api');
      expect(stored).toMatchObject({
        status: 'drifted',
        since: t2,
        // Tracking began with the first status, which the history holds.
        trackedSince: t1,
        checkedAt: t3,
        owner: 'group:default/team-payments',
        detail: { resources: [] },
      });
      await expect(
        store.history('component:default/PAYMENTS-api'),
      ).resolves.toEqual([
        { from: null, to: 'in-sync', at: t1 },
        { from: 'in-sync', to: 'drifted', at: t2 },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'dates a transition by when the change happened, never before the previous one, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const base = {
        entityRef: 'component:default/web',
        track: 'declarative' as const,
        detail: {},
      };
      const observed = new Date('2026-11-20T08:00:00Z');
      const computed = new Date('2026-11-22T10:00:00Z');
      const stale = new Date('2026-11-19T00:00:00Z');
      await store.put({
        ...base,
        status: 'drifted',
        checkedAt: computed,
        changedAt: observed,
      });
      await store.put({
        ...base,
        status: 'in-sync',
        checkedAt: new Date('2026-11-23T10:00:00Z'),
        changedAt: stale,
      });
      await expect(store.history('component:default/web')).resolves.toEqual([
        { from: null, to: 'drifted', at: observed },
        { from: 'drifted', to: 'in-sync', at: observed },
      ]);
      expect(await store.get('component:default/web')).toMatchObject({
        since: observed,
        checkedAt: new Date('2026-11-23T10:00:00Z'),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'returns nothing for an entity never scanned on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await expect(
        store.get('component:default/nope'),
      ).resolves.toBeUndefined();
      await expect(store.history('component:default/nope')).resolves.toEqual(
        [],
      );
    },
  );
});
