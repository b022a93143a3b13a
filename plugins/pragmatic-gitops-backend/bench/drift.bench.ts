/*
 * yarn bench:drift [--entities 10000] [--resources 20] [--concurrency 8]
 *                  [--postgres-only | --sqlite-only]
 *
 * Seeds a synthetic fleet (observations in the database), runs one full
 * drift scan through the real scanner, engine and stores, then measures the
 * overview endpoint's query. Runs on SQLite, and on PostgreSQL when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set. Prints figures;
 * asserts nothing.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
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
  /** Database queries per entity in the full scan and in the rescan. */
  scanQueriesPerEntity: number;
  rescanQueriesPerEntity: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  overviewP50: number;
  overviewP95: number;
  readableOverviewP50: number;
  byStatus: Record<string, number>;
};

type BenchDatabase = {
  name: string;
  knex: Knex;
  /** Removes what the run left behind (the file, the PostgreSQL database). */
  drop: () => Promise<void>;
};

/**
 * SQLite in a file, and PostgreSQL 15 when its test connection string is
 * set; both named after this process, so runs side by side never share
 * (or drop) each other's database.
 */
export async function openDatabases(
  options: { postgresOnly?: boolean; sqliteOnly?: boolean } = {},
): Promise<BenchDatabase[]> {
  const databases: BenchDatabase[] = [];
  const stamp = `${process.pid}_${Date.now()}`;
  if (!options.postgresOnly) {
    const filename = `/tmp/pragmatic-gitops-bench-${stamp}.sqlite`;
    databases.push({
      name: 'SQLite (file)',
      knex: knexFactory({
        client: 'better-sqlite3',
        connection: { filename },
        useNullAsDefault: true,
      }),
      drop: () => fs.rm(filename, { force: true }),
    });
  }
  const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (pg && !options.sqliteOnly) {
    const name = `pragmatic_gitops_bench_${stamp}`;
    const admin = () => knexFactory({ client: 'pg', connection: pg });
    const creator = admin();
    await creator.raw('CREATE DATABASE ??', [name]);
    await creator.destroy();
    const url = new URL(pg);
    url.pathname = `/${name}`;
    databases.push({
      name: 'PostgreSQL 15',
      knex: knexFactory({ client: 'pg', connection: url.toString() }),
      drop: async () => {
        const dropper = admin();
        await dropper.raw('DROP DATABASE IF EXISTS ??', [name]);
        await dropper.destroy();
      },
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

  let queries = 0;
  knex.on('query', () => {
    queries++;
  });
  if (process.argv.includes('--query-times')) timeQueries(knex, database);
  const counted = async () => {
    queries = 0;
    const result = await driftScanner.scanAll();
    return { ...result, queriesPerEntity: queries / options.entities };
  };
  const rssBefore = process.memoryUsage().rss;
  const summary = await counted();
  const rssAfter = process.memoryUsage().rss;
  // Steady state: the next scheduled scan, where most results are unchanged.
  const rescan = await counted();

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
    scanQueriesPerEntity: summary.queriesPerEntity,
    rescanQueriesPerEntity: rescan.queriesPerEntity,
    rssBeforeMiB: mib(rssBefore),
    rssAfterMiB: mib(rssAfter),
    overviewP50: percentile(latencies, 50),
    overviewP95: percentile(latencies, 95),
    readableOverviewP50: percentile(readableLatencies, 50),
    byStatus: totals.totals.byStatus as Record<string, number>,
  };
}

/**
 * `--query-times`: where the database time goes, by statement (bind values
 * left out), printed when the process exits.
 */
function timeQueries(knex: Knex, database: string) {
  const started = new Map<string, { sql: string; at: bigint }>();
  const totals = new Map<string, { ms: number; count: number }>();
  knex.on('query', (q: { __knexQueryUid: string; sql: string }) => {
    started.set(q.__knexQueryUid, {
      sql: q.sql.replace(/\(\?(, ?\?)*\)(, \(\?(, ?\?)*\))*/g, '(…)'),
      at: process.hrtime.bigint(),
    });
  });
  knex.on('query-response', (_r: unknown, q: { __knexQueryUid: string }) => {
    const start = started.get(q.__knexQueryUid);
    if (!start) return;
    started.delete(q.__knexQueryUid);
    const total = totals.get(start.sql) ?? { ms: 0, count: 0 };
    total.ms += Number(process.hrtime.bigint() - start.at) / 1e6;
    total.count++;
    totals.set(start.sql, total);
  });
  process.on('exit', () => {
    console.log(`\n${database}: statements by total time`);
    for (const [sql, t] of [...totals]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 12)) {
      console.log(
        `  ${t.ms.toFixed(0).padStart(7)} ms ${String(t.count).padStart(
          7,
        )}×  ${sql.slice(0, 160)}`,
      );
    }
  });
}

/** Every database in turn. */
export async function runDriftBench(options: {
  entities: number;
  resources: number;
  concurrency: number;
  postgresOnly?: boolean;
  sqliteOnly?: boolean;
}): Promise<DriftFigures[]> {
  const figures: DriftFigures[] = [];
  for (const { name, knex, drop } of await openDatabases(options)) {
    try {
      figures.push(await benchmarkDrift(name, knex, options));
    } finally {
      await knex.destroy();
      await drop();
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
    `  queries per entity     ${f.scanQueriesPerEntity.toFixed(
      2,
    )} scan, ${f.rescanQueriesPerEntity.toFixed(2)} rescan`,
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

/** Absolute timings on a shared machine mean little without it. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map(n => n.toFixed(2))
    .join(' / ');
}

if (require.main === module) {
  console.log(`load average ${loadAverage()} at the start`);
  runDriftBench({
    entities: arg('entities', 10_000),
    resources: arg('resources', 20),
    concurrency: arg('concurrency', 8),
    postgresOnly: process.argv.includes('--postgres-only'),
    sqliteOnly: process.argv.includes('--sqlite-only'),
  })
    .then(figures => {
      figures.forEach(print);
      console.log(`\nload average ${loadAverage()} at the end`);
    })
    .catch(error => {
      console.error(error);
      process.exit(1);
    });
}
