import { TestDatabases } from '@backstage/backend-test-utils';
import { EntityStatusStore } from './EntityStatusStore';
import { migrationsDir } from './migrateDatabase';

jest.setTimeout(60_000);

const t = (day: number) => new Date(`2026-11-${10 + day}T10:00:00Z`);

describe('EntityStatusStore.putMany', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    return new EntityStatusStore(knex);
  }

  const record = (
    name: string,
    status: 'in-sync' | 'drifted',
    day: number,
  ) => ({
    entityRef: `component:default/${name}`,
    track: 'declarative' as const,
    status,
    checkedAt: t(day),
    detail: { findings: [], status },
  });

  it.each(databases.eachSupportedId())(
    'stores a batch as one put after the other would, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.putMany([
        record('a', 'in-sync', 1),
        record('b', 'in-sync', 1),
      ]);
      const second = await store.putMany([
        record('a', 'in-sync', 2),
        record('b', 'drifted', 2),
        // The same entity twice in one batch: two transitions, in order.
        record('c', 'in-sync', 2),
        record('c', 'drifted', 3),
      ]);

      expect(second.map(s => s.updated)).toEqual([false, true, true, true]);
      expect(await store.get('component:default/a')).toMatchObject({
        status: 'in-sync',
        since: t(1),
        checkedAt: t(2),
      });
      expect(await store.get('component:default/b')).toMatchObject({
        status: 'drifted',
        since: t(2),
        detail: { status: 'drifted' },
      });
      await expect(store.history('component:default/b')).resolves.toEqual([
        { from: null, to: 'in-sync', at: t(1) },
        { from: 'in-sync', to: 'drifted', at: t(2) },
      ]);
      await expect(store.history('component:default/c')).resolves.toEqual([
        { from: null, to: 'in-sync', at: t(2) },
        { from: 'in-sync', to: 'drifted', at: t(3) },
      ]);
      expect(await store.get('component:default/c')).toMatchObject({
        status: 'drifted',
        checkedAt: t(3),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a status computed after the batch read its inputs, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.put(record('a', 'in-sync', 1));
      // A push recomputed the entity while the scan was computing a page
      // whose observations it had read before.
      await store.put(record('a', 'drifted', 3));
      const [stale] = await store.putMany([
        { ...record('a', 'in-sync', 4), inputsReadAt: t(2) },
      ]);

      expect(stale.updated).toBe(false);
      expect(await store.get('component:default/a')).toMatchObject({
        status: 'drifted',
        checkedAt: t(3),
      });
      await expect(store.history('component:default/a')).resolves.toEqual([
        { from: null, to: 'in-sync', at: t(1) },
        { from: 'in-sync', to: 'drifted', at: t(3) },
      ]);

      // Inputs read after that computation are stored as usual.
      await store.putMany([
        { ...record('a', 'in-sync', 5), inputsReadAt: t(4) },
      ]);
      expect(await store.get('component:default/a')).toMatchObject({
        status: 'in-sync',
        since: t(5),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'stores more entities than one statement takes, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const names = Array.from({ length: 450 }, (_, i) => `svc-${i}`);
      await store.putMany(names.map(name => record(name, 'in-sync', 1)));
      const rescan = await store.putMany(
        names.map((name, i) => record(name, i % 3 ? 'in-sync' : 'drifted', 2)),
      );

      expect(rescan.filter(s => s.updated)).toHaveLength(150);
      expect(await store.get('component:default/svc-449')).toMatchObject({
        status: 'in-sync',
        checkedAt: t(2),
        since: t(1),
      });
      expect(await store.get('component:default/svc-300')).toMatchObject({
        status: 'drifted',
        since: t(2),
      });
    },
  );
});
