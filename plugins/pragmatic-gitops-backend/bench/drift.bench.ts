/*
 * yarn bench:drift [--entities 10000] [--resources 20] [--concurrency 8] [--postgres-only]
 *
 * Seeds a synthetic fleet (observations in the database), runs one full
 * drift scan through the real scanner, engine and stores, then measures the
 * overview endpoint's query. Runs on SQLite, and on PostgreSQL when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set. Prints figures;
 * asserts nothing.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import knexFactory, { Knex } from 'knex';
import { EntityStatusStore } from '../src/database/EntityStatusStore';
import { migrationsDir } from '../src/database/migrateDatabase';
import { OverviewStore } from '../src/database/OverviewStore';
import { HotfixService } from '../src/ledger';
import { HotfixLedgerReconciler } from '../src/ledger/HotfixLedgerReconciler';
import { DEFAULT_GITOPS_FIELD_MANAGERS } from '../src/engine/types';
import { ObservationProvider } from '../src/providers/observations/ObservationProvider';
import { ObservationStore } from '../src/observations/ObservationStore';
import { keyedSecretDigest } from '../src/observations/secretDigest';
import { DriftScanner } from '../src/scan/DriftScanner';
import { EntityScanner } from '../src/scan/EntityScanner';
import {
  arg,
  benchLogger as logger,
  inMemoryDesiredReader,
  percentile,
  streamingCatalog,
  syntheticFleet,
  timed,
} from './benchSetup';
import { liveObject } from './syntheticFleet';

const secretDigest = keyedSecretDigest(
  Buffer.from('bench key, at least 32 characters'),
);
const OVERVIEW_QUERIES = 300;

export type DriftFigures = {
  database: string;
  entities: number;
  resources: number;
  seedMs: number;
  scanMs: number;
  rescanMs: number;
  failed: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  overviewP50: number;
  overviewP95: number;
  readableOverviewP50: number;
  byStatus: Record<string, number>;
};

/** SQLite in a file, and PostgreSQL 15 when its test connection string is set. */
export async function openDatabases(
  options: { postgresOnly?: boolean } = {},
): Promise<Array<{ name: string; knex: Knex }>> {
  const databases: Array<{ name: string; knex: Knex }> = options.postgresOnly
    ? []
    : [
        {
          name: 'SQLite (file)',
          knex: knexFactory({
            client: 'better-sqlite3',
            connection: {
              filename: `/tmp/pragmatic-gitops-bench-${
                process.pid
              }-${Date.now()}.sqlite`,
            },
            useNullAsDefault: true,
          }),
        },
      ];
  const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (pg) {
    const admin = knexFactory({ client: 'pg', connection: pg });
    await admin.raw('DROP DATABASE IF EXISTS pragmatic_gitops_bench');
    await admin.raw('CREATE DATABASE pragmatic_gitops_bench');
    await admin.destroy();
    const url = new URL(pg);
    url.pathname = '/pragmatic_gitops_bench';
    databases.push({
      name: 'PostgreSQL 15',
      knex: knexFactory({ client: 'pg', connection: url.toString() }),
    });
  }
  return databases;
}

const mib = (bytes: number) => Math.round(bytes / 1048576);

/** Seeds, scans twice and queries the overview on one database. */
export async function benchmarkDrift(
  database: string,
  knex: Knex,
  options: { entities: number; resources: number; concurrency: number },
): Promise<DriftFigures> {
  await knex.migrate.latest({ directory: migrationsDir });
  const fleet = syntheticFleet(options.entities, options.resources);
  const { entities, desiredByName } = fleet;

  const observations = new ObservationStore(knex, secretDigest);
  const seed = await timed(async () => {
    for (let i = 0; i < entities.length; i += 50) {
      await Promise.all(
        entities.slice(i, i + 50).map((entity, j) =>
          observations.put({
            entityRef: `component:default/${entity.metadata.name}`,
            source: 'bench-agent',
            observedAt: new Date(),
            objects: desiredByName
              .get(entity.metadata.name)!
              .map((object, k) =>
                liveObject(object, k, (i + j) % 10 === 0 && k === 0),
              ),
          }),
        ),
      );
    }
  });

  const catalog = streamingCatalog(fleet);
  // The real ledger (no hotfixes recorded): one open-hotfix query per entity,
  // as in production.
  const hotfixes = new HotfixService({
    db: knex,
    catalog,
    permissions: mockServices.permissions(),
    logger,
  });
  const scanner = new EntityScanner({
    secretDigest,
    desiredReader: inMemoryDesiredReader(fleet),
    providers: [new ObservationProvider(observations)],
    secretResolvers: [],
    ledger: new HotfixLedgerReconciler({
      hotfixes,
      commitFinders: [],
      logger,
    }),
    store: new EntityStatusStore(knex),
    settings: {
      ignoreDefaults: [],
      gitopsFieldManagers: DEFAULT_GITOPS_FIELD_MANAGERS,
    },
    logger,
  });
  const driftScanner = new DriftScanner({
    catalog,
    auth: mockServices.auth(),
    scanner,
    logger,
    concurrency: options.concurrency,
  });

  const rssBefore = process.memoryUsage().rss;
  const summary = await driftScanner.scanAll();
  const rssAfter = process.memoryUsage().rss;
  // Steady state: the next scheduled scan, where most results are unchanged.
  const rescan = await driftScanner.scanAll();

  const overview = new OverviewStore(knex);
  const statuses = ['in-sync', 'drifted', undefined] as const;
  const tracks = ['declarative', 'operator', undefined] as const;
  // The fleet page's orders and its text search, as its headers and search
  // field ask for them.
  const sorts = ['status', 'since', 'name', 'owner'] as const;
  // `readable`: the entities a caller with a conditional catalog.entity.read
  // decision may see, as the catalog returns them.
  const measureOverview = async (readable?: ReadonlySet<string>) => {
    const latencies: number[] = [];
    for (let q = 0; q < OVERVIEW_QUERIES; q++) {
      const filter = {
        owner: q % 4 === 0 ? `group:default/team-${q % 40}` : undefined,
        readable,
      };
      const { ms } = await timed(() =>
        Promise.all([
          overview.overview({
            ...filter,
            status: statuses[q % 3],
            track: tracks[(q >> 1) % 3],
            sort: sorts[q % 4],
            order: q % 8 < 4 ? 'asc' : 'desc',
            q: q % 5 === 0 ? `svc-0${q % 97}` : undefined,
            offset: (q * 37) % 500,
            limit: 50,
          }),
          overview
            .scopeKeys(filter)
            .then(entityKeys => hotfixes.counts({ entityKeys })),
        ]),
      );
      latencies.push(ms);
    }
    return latencies.sort((a, b) => a - b);
  };
  const latencies = await measureOverview();
  const halfTheFleet = new Set(
    entities
      .filter((_, i) => i % 2 === 0)
      .map(e => stringifyEntityRef(e).toLowerCase()),
  );
  const readableLatencies = await measureOverview(halfTheFleet);
  const totals = await overview.overview({ limit: 1 });

  return {
    database,
    entities: options.entities,
    resources: options.resources,
    seedMs: seed.ms,
    scanMs: summary.durationMs,
    rescanMs: rescan.durationMs,
    failed: summary.failed + rescan.failed,
    rssBeforeMiB: mib(rssBefore),
    rssAfterMiB: mib(rssAfter),
    overviewP50: percentile(latencies, 50),
    overviewP95: percentile(latencies, 95),
    readableOverviewP50: percentile(readableLatencies, 50),
    byStatus: totals.totals.byStatus as Record<string, number>,
  };
}

/** Every database in turn. */
export async function runDriftBench(options: {
  entities: number;
  resources: number;
  concurrency: number;
  postgresOnly?: boolean;
}): Promise<DriftFigures[]> {
  const figures: DriftFigures[] = [];
  for (const { name, knex } of await openDatabases(options)) {
    try {
      figures.push(await benchmarkDrift(name, knex, options));
    } finally {
      await knex.destroy();
    }
  }
  return figures;
}

function print(f: DriftFigures) {
  const resources = f.entities * f.resources;
  const rate = (ms: number) => Math.round(resources / (ms / 1000));
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `\n${f.database}: ${f.entities} entities × ${f.resources} resources = ${resources} resources`,
  );
  console.log(`  seed observations      ${s(f.seedMs)} s`);
  console.log(
    `  full scan              ${s(f.scanMs)} s  (${rate(
      f.scanMs,
    )} resources/s)`,
  );
  console.log(
    `  rescan (steady state)  ${s(f.rescanMs)} s  (${rate(
      f.rescanMs,
    )} resources/s, ${f.failed} failed in both)`,
  );
  console.log(
    `  rss                    ${f.rssBeforeMiB} → ${f.rssAfterMiB} MiB`,
  );
  console.log(
    `  overview (${OVERVIEW_QUERIES} queries)  p50 ${f.overviewP50.toFixed(
      1,
    )} ms  p95 ${f.overviewP95.toFixed(1)} ms`,
  );
  console.log(
    `  overview, may read 1/2 p50 ${f.readableOverviewP50.toFixed(1)} ms`,
  );
  console.log(`  statuses               ${JSON.stringify(f.byStatus)}`);
}

if (require.main === module) {
  runDriftBench({
    entities: arg('entities', 10_000),
    resources: arg('resources', 20),
    concurrency: arg('concurrency', 8),
    postgresOnly: process.argv.includes('--postgres-only'),
  })
    .then(figures => figures.forEach(print))
    .catch(error => {
      console.error(error);
      process.exit(1);
    });
}
