/*
 * yarn bench:drift [--entities 10000] [--resources 20]
 *
 * Seeds a synthetic fleet (observations in the database), runs one full
 * drift scan through the real scanner, engine and stores, then measures the
 * overview endpoint's query. Runs on SQLite, and on PostgreSQL when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set. Prints figures;
 * asserts nothing.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import knexFactory, { Knex } from 'knex';
import { EntityStatusStore } from '../src/database/EntityStatusStore';
import { migrationsDir } from '../src/database/migrateDatabase';
import { OverviewStore } from '../src/database/OverviewStore';
import { DesiredStateReader } from '../src/desired/DesiredStateReader';
import { HotfixService } from '../src/ledger';
import { HotfixLedgerReconciler } from '../src/ledger/HotfixLedgerReconciler';
import { DEFAULT_GITOPS_FIELD_MANAGERS } from '../src/engine/types';
import { ObservationProvider } from '../src/providers/observations/ObservationProvider';
import { ObservationStore } from '../src/observations/ObservationStore';
import { keyedSecretDigest } from '../src/observations/secretDigest';

const secretDigest = keyedSecretDigest(
  Buffer.from('bench key, at least 32 characters'),
);
import { DriftScanner } from '../src/scan/DriftScanner';
import { EntityScanner } from '../src/scan/EntityScanner';
import { desiredObjects, fleetEntity, liveObject } from './syntheticFleet';

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const ENTITIES = arg('entities', 10_000);
const RESOURCES = arg('resources', 20);
const CONCURRENCY = arg('concurrency', 8);
const ONLY_POSTGRES = process.argv.includes('--postgres-only');
const OVERVIEW_QUERIES = 300;

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function openDatabases(): Promise<Array<{ name: string; knex: Knex }>> {
  const databases: Array<{ name: string; knex: Knex }> = ONLY_POSTGRES
    ? []
    : [
        {
          name: 'SQLite (file)',
          knex: knexFactory({
            client: 'better-sqlite3',
            connection: {
              filename: `/tmp/pragmatic-gitops-bench-${process.pid}.sqlite`,
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

async function benchmark(name: string, knex: Knex) {
  await knex.migrate.latest({ directory: migrationsDir });
  const entities: Entity[] = Array.from({ length: ENTITIES }, (_, i) =>
    fleetEntity(i),
  );
  const desiredByName = new Map(
    entities.map(e => [
      e.metadata.name,
      desiredObjects(e.metadata.name, RESOURCES),
    ]),
  );

  const observations = new ObservationStore(knex, secretDigest);
  const seedStart = Date.now();
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
  const seedMs = Date.now() - seedStart;

  // Desired state as the Git reader would return it, without the disk: the
  // scan measures the engine, the providers, the ledger and the database.
  const desiredReader = {
    read: async (entity: Entity) => ({
      objects: desiredByName.get(entity.metadata.name)!,
      sopsFiles: [],
      findings: [],
      migrations: [],
      source: 'bench',
    }),
  } as unknown as DesiredStateReader;

  const catalog = {
    async *streamEntities() {
      for (let i = 0; i < entities.length; i += 500)
        yield entities.slice(i, i + 500);
    },
  } as unknown as CatalogService;

  // Scan summaries and failures go to the console; per-entity info is noise here.
  const logger: LoggerService = {
    debug: () => {},
    info: () => {},
    warn: (message: string) => console.warn(message),
    error: (message: string) => console.error(message),
    child: () => logger,
  };
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
    desiredReader,
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
    concurrency: CONCURRENCY,
  });

  const memoryBefore = process.memoryUsage().rss;
  const summary = await driftScanner.scanAll();
  const memoryAfter = process.memoryUsage().rss;
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
      const started = process.hrtime.bigint();
      const filter = {
        owner: q % 4 === 0 ? `group:default/team-${q % 40}` : undefined,
        readable,
      };
      await Promise.all([
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
      ]);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
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

  const resources = ENTITIES * RESOURCES;
  const rate = (ms: number) => Math.round(resources / (ms / 1000));
  console.log(
    `\n${name}: ${ENTITIES} entities × ${RESOURCES} resources = ${resources} resources, scan concurrency ${CONCURRENCY}`,
  );
  console.log(`  seed observations      ${(seedMs / 1000).toFixed(1)} s`);
  console.log(
    `  full scan              ${(summary.durationMs / 1000).toFixed(
      1,
    )} s  (${Math.round(
      resources / (summary.durationMs / 1000),
    )} resources/s, ${summary.failed} failed)`,
  );
  console.log(
    `  rescan (steady state)  ${(rescan.durationMs / 1000).toFixed(
      1,
    )} s  (${rate(rescan.durationMs)} resources/s, ${rescan.failed} failed)`,
  );
  console.log(
    `  rss during scan        +${Math.round(
      (memoryAfter - memoryBefore) / 1048576,
    )} MiB`,
  );
  console.log(
    `  overview (${OVERVIEW_QUERIES} queries)  p50 ${percentile(
      latencies,
      50,
    ).toFixed(1)} ms  p95 ${percentile(latencies, 95).toFixed(1)} ms`,
  );
  console.log(
    `  overview, may read ${halfTheFleet.size}  p50 ${percentile(
      readableLatencies,
      50,
    ).toFixed(1)} ms  p95 ${percentile(readableLatencies, 95).toFixed(1)} ms`,
  );
  console.log(
    `  statuses               ${JSON.stringify(totals.totals.byStatus)}`,
  );
}

async function main() {
  for (const { name, knex } of await openDatabases()) {
    try {
      await benchmark(name, knex);
    } finally {
      await knex.destroy();
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
