/*
 * What every benchmark shares: command-line figures, a quiet logger, the
 * synthetic fleet with its desired state, a desired-state reader and a
 * catalog that serve that fleet from memory, one scan of that fleet with a
 * single live-state provider, and percentiles.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { LiveStateProvider } from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import knexFactory from 'knex';
import pLimit from 'p-limit';
import { EntityStatusStore } from '../src/database/EntityStatusStore';
import { migrationsDir } from '../src/database/migrateDatabase';
import { DesiredStateReader } from '../src/desired/DesiredStateReader';
import { DEFAULT_GITOPS_FIELD_MANAGERS, KubeObject } from '../src/engine/types';
import { keyedSecretDigest } from '../src/observations/secretDigest';
import { DriftScanner, ScanSummary } from '../src/scan/DriftScanner';
import { EntityScanner } from '../src/scan/EntityScanner';
import { desiredObjects, fleetEntity } from './syntheticFleet';

/** `--name value` from the command line, or `fallback`. */
export function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

/** Scan summaries and failures go to the console; per-entity info is noise here. */
export const benchLogger: LoggerService = {
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  child: () => benchLogger,
};

export type Fleet = {
  entities: Entity[];
  desiredByName: Map<string, KubeObject[]>;
};

/** `size` synthetic components of `resources` desired objects each. */
export function syntheticFleet(
  size: number,
  resources: number,
  entity: (index: number) => Entity = fleetEntity,
): Fleet {
  const entities = Array.from({ length: size }, (_, i) => entity(i));
  return {
    entities,
    desiredByName: new Map(
      entities.map(e => [
        e.metadata.name,
        desiredObjects(e.metadata.name, resources),
      ]),
    ),
  };
}

/**
 * Desired state as the Git reader would return it, without the disk: the
 * scan measures the engine, the providers, the ledger and the database.
 */
export function inMemoryDesiredReader(fleet: Fleet): DesiredStateReader {
  return {
    read: async (entity: Entity) => ({
      objects: fleet.desiredByName.get(entity.metadata.name)!,
      sopsFiles: [],
      findings: [],
      migrations: [],
      source: 'bench',
    }),
  } as unknown as DesiredStateReader;
}

/** A catalog that streams the fleet in pages of 500, as the scanner reads it. */
export function streamingCatalog(fleet: Fleet): CatalogService {
  return {
    async *streamEntities() {
      for (let i = 0; i < fleet.entities.length; i += 500)
        yield fleet.entities.slice(i, i + 500);
    },
  } as unknown as CatalogService;
}

export const benchSecretDigest = keyedSecretDigest(
  Buffer.from('bench key of 32 characters or more'),
);

export type ProviderScan = {
  summary: ScanSummary;
  /** Stored statuses and their counts, e.g. `drifted 50, in-sync 450`. */
  statuses: string;
  /** The same entities asked of the provider alone (no engine, no database). */
  providerMs: number;
};

/**
 * One full drift scan of `fleet` through the real DriftScanner and
 * EntityScanner on in-memory SQLite, live state from `provider` only; then
 * every entity asked of the provider alone, at the same concurrency.
 * `afterScan` runs between the two (to take the scan's request counts).
 */
export async function scanWithProvider(
  fleet: Fleet,
  provider: LiveStateProvider,
  { concurrency, afterScan }: { concurrency: number; afterScan: () => void },
): Promise<ProviderScan> {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  await knex.migrate.latest({ directory: migrationsDir });
  const scanner = new EntityScanner({
    desiredReader: inMemoryDesiredReader(fleet),
    providers: [provider],
    secretResolvers: [],
    secretDigest: benchSecretDigest,
    store: new EntityStatusStore(knex),
    settings: {
      ignoreDefaults: [],
      gitopsFieldManagers: DEFAULT_GITOPS_FIELD_MANAGERS,
    },
    logger: benchLogger,
  });
  const summary = await new DriftScanner({
    catalog: streamingCatalog(fleet),
    auth: mockServices.auth(),
    scanner,
    logger: benchLogger,
    concurrency,
  }).scanAll();
  afterScan();
  const byStatus = (await knex('entity_status')
    .select('status')
    .count({ n: '*' })
    .groupBy('status')) as Array<{ status: string; n: number | string }>;
  await knex.destroy();

  await provider.startScan?.();
  const limit = pLimit(concurrency);
  const { ms: providerMs } = await timed(() =>
    Promise.all(
      fleet.entities.map(entity =>
        limit(() =>
          provider.getLiveState(entity, entity.metadata.name, {
            desired: fleet.desiredByName.get(entity.metadata.name)!,
          }),
        ),
      ),
    ),
  );
  return {
    summary,
    statuses: byStatus.map(r => `${r.status} ${r.n}`).join(', '),
    providerMs,
  };
}

/** `full scan` and `provider alone` lines of a provider benchmark. */
export function printScanTimes(
  { summary, providerMs }: ProviderScan,
  size: number,
  concurrency: number,
) {
  console.log(
    `  full scan           ${(summary.durationMs / 1000).toFixed(
      1,
    )} s  (${Math.round(size / (summary.durationMs / 1000))} entities/s, ${
      summary.failed
    } failed)`,
  );
  console.log(
    `  provider alone      ${(providerMs / 1000).toFixed(1)} s  (${(
      providerMs / size
    ).toFixed(1)} ms per entity at concurrency ${concurrency})`,
  );
}

/** The p-th percentile of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/** Milliseconds `fn` took, with its result. */
export async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}
