import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityStatusStore } from '../database/EntityStatusStore';
import { migrationsDir } from '../database/migrateDatabase';
import { DriftScanner } from './DriftScanner';
import { EntityScanner } from './EntityScanner';

jest.setTimeout(60_000);

const entities: Entity[] = Array.from({ length: 7 }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `svc-${i}`,
    namespace: 'default',
    annotations: { 'pragmatic-gitops.io/track': 'declarative' },
  },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
}));

describe('DriftScanner', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'stores every entity of a batch but the ones that failed, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      const store = new EntityStatusStore(knex);
      const logger = mockServices.logger.mock();
      const real = new EntityScanner({ store, logger } as any);
      const scanner = {
        startScan: async () => {},
        prefetch: async () => scanner,
        compute: async (entity: Entity) => {
          const { name } = entity.metadata;
          if (name === 'svc-1') throw new Error('Git said no');
          return {
            entityRef: stringifyEntityRef(entity),
            track: 'declarative',
            status: name === 'svc-2' ? 'drifted' : 'in-sync',
            checkedAt: new Date(),
            // svc-4 cannot be stored: its batch fails, then it fails alone.
            detail: { findings: [], ...(name === 'svc-4' ? { n: 1n } : {}) },
          };
        },
        storeAll: real.storeAll.bind(real),
      } as unknown as EntityScanner;
      const driftScanner = new DriftScanner({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        scanner,
        logger,
        concurrency: 2,
        batchSize: 3,
      });

      const summary = await driftScanner.scanAll();

      expect(summary).toMatchObject({ scanned: 5, failed: 2 });
      const stored = await Promise.all(
        entities.map(e => store.get(stringifyEntityRef(e))),
      );
      expect(stored.map(s => s?.status)).toEqual([
        'in-sync',
        undefined,
        'drifted',
        'in-sync',
        undefined,
        'in-sync',
        'in-sync',
      ]);
      const errors = logger.error.mock.calls.map(([message]) => message);
      expect(errors).toHaveLength(2);
      expect(errors).toEqual(
        expect.arrayContaining([
          expect.stringContaining(
            'component:default/svc-1 failed: Git said no',
          ),
          expect.stringContaining('component:default/svc-4 failed'),
        ]),
      );
    },
  );

  it('starts no entity once the scheduler aborts it, and stores what it computed', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory: migrationsDir });
    const store = new EntityStatusStore(knex);
    const logger = mockServices.logger.mock();
    const real = new EntityScanner({ store, logger } as any);
    const timeout = new AbortController();
    const computed: string[] = [];
    const scanner = {
      startScan: async () => {},
      prefetch: async () => scanner,
      compute: async (entity: Entity) => {
        computed.push(entity.metadata.name);
        // The scan runs past scan.timeout while its third entity computes.
        if (computed.length === 3) timeout.abort();
        return {
          entityRef: stringifyEntityRef(entity),
          track: 'declarative',
          status: 'in-sync',
          checkedAt: new Date(),
          detail: { findings: [] },
        };
      },
      storeAll: real.storeAll.bind(real),
    } as unknown as EntityScanner;
    const driftScanner = new DriftScanner({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      scanner,
      logger,
      concurrency: 1,
    });

    const summary = await driftScanner.scanAll(timeout.signal);

    expect(computed).toEqual(['svc-0', 'svc-1', 'svc-2']);
    expect(summary).toMatchObject({ scanned: 3, failed: 0 });
    expect(summary.skipped).toContain('ran past scan.timeout');
    const stored = await Promise.all(
      entities.map(e => store.get(stringifyEntityRef(e))),
    );
    expect(stored.map(s => s?.status)).toEqual([
      'in-sync',
      'in-sync',
      'in-sync',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Drift scan stopped: it ran past scan.timeout'),
    );
  });
});
