import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { migrationsDir } from '../../database/migrateDatabase';
import { testDigest } from '../../observations/__testUtils__/testDigest';
import { ObservationStore } from '../../observations/ObservationStore';
import { ObservationProvider } from './ObservationProvider';

jest.setTimeout(60_000);

const configMap = (name: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { key: name },
});

describe('ObservationProvider.prefetch', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'answers a page of entities as one read per entity would, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const store = new ObservationStore(knex, testDigest);
      const put = (entityRef: string, source: string, minute: number) =>
        store.put({
          entityRef,
          source,
          observedAt: new Date(`2026-11-20T10:0${minute}:00Z`),
          objects: [configMap(`${source}-${minute}`)],
        });
      await put('component:default/a', 'agent', 1);
      await put('Component:default/A', 'ci', 2);
      await put('component:default/b', 'agent', 3);
      const provider = new ObservationProvider(store);
      const entity = {} as Entity;
      const context = { desired: [] };

      const page = await provider.prefetch([
        'component:default/a',
        'component:default/b',
        'component:default/c',
      ]);
      for (const ref of ['a', 'b', 'c', 'd'].map(
        n => `component:default/${n}`,
      )) {
        expect(await page.getLiveState(entity, ref, context)).toEqual(
          await provider.getLiveState(entity, ref),
        );
      }
      expect(
        await page.getLiveState(entity, 'component:default/a', context),
      ).toMatchObject([
        { type: 'observed', source: 'ci', objects: [configMap('ci-2')] },
        { type: 'observed', source: 'agent', objects: [configMap('agent-1')] },
      ]);

      // An entity outside the page is read when asked.
      await put('component:default/d', 'agent', 4);
      expect(
        await page.getLiveState(entity, 'component:default/d', context),
      ).toMatchObject([{ source: 'agent', objects: [configMap('agent-4')] }]);
    },
  );
});
