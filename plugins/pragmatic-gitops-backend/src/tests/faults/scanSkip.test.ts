/**
 * A scheduled drift scan while the database is away skips with one log
 * line (or stops at the first entity that meets the outage) instead of
 * failing every entity one by one, and runs normally once it is back.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DriftScanner } from '../../scan/DriftScanner';
import { EntityScanner } from '../../scan/EntityScanner';

const entities: Entity[] = Array.from({ length: 5 }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `svc-${i}`,
    namespace: 'default',
    annotations: { 'pragmatic-gitops.io/track': 'declarative' },
  },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
}));

const refused = Object.assign(
  new Error('connect ECONNREFUSED 127.0.0.1:5432'),
  {
    code: 'ECONNREFUSED',
  },
);

function setup(options: { databaseUp: () => boolean; failAfter?: number }) {
  const logger = mockServices.logger.mock();
  const scanned: string[] = [];
  const scanner = {
    startScan: async () => {},
    prefetch: async () => scanner,
    compute: async (entity: Entity) => {
      if (
        !options.databaseUp() ||
        (options.failAfter !== undefined && scanned.length >= options.failAfter)
      ) {
        throw refused;
      }
      scanned.push(entity.metadata.name);
      return { entityRef: entity.metadata.name };
    },
    storeAll: async (records: unknown[]) => records,
  } as unknown as EntityScanner;
  const driftScanner = new DriftScanner({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    scanner,
    logger,
    concurrency: 1,
    checkDatabase: async () => {
      if (!options.databaseUp()) throw refused;
    },
  });
  return { driftScanner, logger, scanned };
}

describe('scheduled scans while the database is away', () => {
  it('skips with one log line, then scans normally once it is back', async () => {
    let up = false;
    const { driftScanner, logger, scanned } = setup({ databaseUp: () => up });

    const skipped = await driftScanner.scanAll();
    expect(skipped).toMatchObject({ scanned: 0, failed: 0 });
    expect(skipped.skipped).toContain('ECONNREFUSED');
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^Drift scan skipped: the database is unavailable/),
    );
    expect(logger.error).not.toHaveBeenCalled();
    expect(scanned).toEqual([]);

    up = true;
    const ran = await driftScanner.scanAll();
    expect(ran).toMatchObject({ scanned: 5, failed: 0 });
    expect(ran.skipped).toBeUndefined();
    expect(scanned).toHaveLength(5);
  });

  it('stops at the first entity that meets the outage, logging once', async () => {
    const { driftScanner, logger, scanned } = setup({
      databaseUp: () => true,
      failAfter: 2,
    });
    const summary = await driftScanner.scanAll();
    expect(summary.scanned).toBe(2);
    expect(summary.skipped).toContain('ECONNREFUSED');
    expect(scanned).toHaveLength(2);
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^Drift scan stopped: the database is unavailable/),
    );
  });
});
