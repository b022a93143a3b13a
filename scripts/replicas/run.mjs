#!/usr/bin/env node
// Two replicas of the demo backend on one PostgreSQL database, checked for
// what several replicas must not break: a scheduled scan runs once per
// interval, concurrent and retried hotfix writes give one record each, the
// open-hotfix cap holds across replicas, a kill -9 mid-load leaves no partial
// record while the other replica keeps serving, and notifications are sent
// once. Prints a results table and where the time went; exits non-zero when
// a check fails. Part of `yarn test:all`.
//
//   node scripts/replicas/run.mjs [--keep] [--cpu-prof]   (yarn test:replicas)
//
// --cpu-prof writes each replica's CPU profile into the run's log directory
// (kept) when it stops.
//
// Needs PostgreSQL on 127.0.0.1:5432, user postgres, trust auth (override
// with PGHOST/PGPORT/PGUSER). Every run uses fresh databases (prefix
// replicas_<run>_), dropped at the end, also on failure, unless --keep.
// Replicas listen on 7117 and 7118 (not the end-to-end tests' 3000/7007).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PgGate } from './pgGate.mjs';
import { Replica } from './replica.mjs';
import {
  catalogReady,
  createHotfix,
  guestToken,
  hotfixBody,
  loadEntitiesYaml,
} from './hotfixes.mjs';
import { killMidLoad } from './kill.mjs';
import { notifiedOnce } from './notifications.mjs';
import { scansOnce } from './scans.mjs';
import { concurrentCreates, openHotfixCap, retries } from './writes.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cpuProf = process.argv.includes('--cpu-prof');
const keep = process.argv.includes('--keep') || cpuProf;
const run = `r${Date.now().toString(36)}`;
const prefix = `replicas_${run}_`;
// Not a multiple of the scheduler's 5 s poll, so the replicas take turns.
const SCAN_SECONDS = 8;
// Longer than any scan here; a replica killed mid-scan would hold it this long.
const SCAN_TIMEOUT_SECONDS = 30;
const NOTIFY_SECONDS = 2;
const START_TIMEOUT = 6 * 60_000;
const LOAD = 1000;
const RETRIED_KEYS = 30;
// MAX_OPEN_HOTFIXES_PER_ENTITY in the plugin's ledger/HotfixService.ts.
const CAP = 100;
const OVER_CAP = 20;
const KILL_LOAD = 200;
const OVERDUE = 5;
// The whole run is aborted (and cleaned up) past this.
const WATCHDOG_MS = 10 * 60_000;
const pgConnection = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
};

const rows = [];
let failed = false;
function check(name, ok, figures) {
  rows.push({ check: name, result: ok ? 'pass' : 'FAIL', figures });
  if (!ok) failed = true;
  console.log(`${ok ? 'pass' : 'FAIL'}  ${name}: ${figures}`);
}
const phases = [];
let phaseStart = Date.now();
/** Ends the current phase of the run, for "where the time went". */
function phase(name) {
  const now = Date.now();
  phases.push(`${name} ${((now - phaseStart) / 1000).toFixed(1)} s`);
  phaseStart = now;
}

const agentToken = randomBytes(24).toString('hex');
const workDir = mkdtempSync(join(tmpdir(), 'replicas-'));
const loadCatalog = join(workDir, 'load-entities.yaml');
writeFileSync(loadCatalog, loadEntitiesYaml());
const gate = new PgGate(pgConnection);
const overrides = pgPort => ({
  catalog: {
    locations: [
      { type: 'file', target: join(repoRoot, 'catalog/all.yaml') },
      { type: 'file', target: loadCatalog },
    ],
  },
  backend: {
    // One line per request is most of a replica's output under load.
    logger: {
      overrides: [{ matchers: { type: 'incomingRequest' }, level: 'warn' }],
    },
    database: {
      client: 'pg',
      connection: { ...pgConnection, port: pgPort },
      prefix,
    },
    auth: {
      externalAccess: [
        {
          type: 'static',
          options: { token: agentToken, subject: 'replicas-agent' },
        },
      ],
    },
  },
  pragmaticGitops: {
    // Strings, so they replace app-config.yaml's objects instead of merging
    // into them ({ minutes: 1 } + { seconds: 15 } would be 75 s).
    scan: {
      frequency: `PT${SCAN_SECONDS}S`,
      timeout: `PT${SCAN_TIMEOUT_SECONDS}S`,
    },
    hotfixes: {
      backportSla: { days: 3 },
      overdueCheckFrequency: `PT${NOTIFY_SECONDS}S`,
    },
  },
});
const nodeArgs = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${workDir}`] : [];
const replicas = [
  new Replica({ name: 'A', port: 7117, workDir, repoRoot, nodeArgs }),
  new Replica({ name: 'B', port: 7118, workDir, repoRoot, nodeArgs }),
];
const [a, b] = replicas;
const db = name =>
  new pg.Client({ ...pgConnection, database: `${prefix}${name}` });

async function startReplicas() {
  a.configure(overrides(pgConnection.port));
  b.configure(overrides(await gate.listen()));
  // Both load their modules at once; B reaches the database only once A has
  // run the first-time migrations (they race when two processes create the
  // same tables at once).
  a.start();
  b.start();
  await a.initialized(START_TIMEOUT);
  gate.open();
  const startup = await Promise.all(replicas.map(r => r.ready(START_TIMEOUT)));
  const tokens = { A: await guestToken(a), B: await guestToken(b) };
  await Promise.all(
    replicas.map(r => catalogReady(r, tokens[r.name], 180_000)),
  );
  const catalogMs = Date.now() - Math.max(a.readyAt, b.readyAt);
  check(
    'both replicas start on one database',
    true,
    `ready after ${startup
      .map(ms => `${(ms / 1000).toFixed(0)} s`)
      .join(' / ')} (started together), ` +
      `run's catalog served ${(catalogMs / 1000).toFixed(1)} s later`,
  );
  phase('start-up');
  return tokens;
}

async function main() {
  console.log(`run ${run}: databases ${prefix}*, logs in ${workDir}`);
  phaseStart = Date.now();
  const tokens = await startReplicas();
  const gitops = db('pragmatic-gitops');
  await gitops.connect();
  const on = i => replicas[i % 2];
  const ctx = {
    run,
    a,
    b,
    replicas,
    tokens,
    agentToken,
    gitops,
    db,
    check,
    create: (i, label, extra) =>
      createHotfix(
        on(i),
        tokens[on(i).name],
        hotfixBody(run, label, i, extra),
        `${run}-${label}-${i}`,
      ),
  };
  try {
    // Overdue hotfixes first: the notifier (a minute after start, then every
    // NOTIFY_SECONDS on either replica) finds them while the rest goes on.
    const appliedAt = new Date(Date.now() - 4 * 86_400_000).toISOString();
    const overdue = await Promise.all(
      Array.from({ length: OVERDUE }, (_, i) =>
        ctx.create(i, 'overdue', { appliedAt }),
      ),
    );
    await concurrentCreates(ctx, LOAD);
    phase('1,000 creates');
    await retries(ctx, RETRIED_KEYS);
    phase('retries');
    await openHotfixCap(ctx, { cap: CAP, over: OVER_CAP });
    phase('cap');
    // With both replicas up, so that "once" holds across them.
    await notifiedOnce(ctx, { overdue, notifySeconds: NOTIFY_SECONDS });
    phase('notifications');
    const { victim, survivor } = await killMidLoad(ctx, KILL_LOAD);
    phase('kill -9');
    await scansOnce(ctx, {
      victim,
      survivor,
      seconds: SCAN_SECONDS,
      timeoutSeconds: SCAN_TIMEOUT_SECONDS,
    });
    phase('scans');
  } finally {
    await gitops.end();
  }
}

async function cleanup() {
  await Promise.all(replicas.map(r => r.stop()));
  await gate.close();
  phase('stop');
  if (keep) return;
  const admin = new pg.Client({ ...pgConnection, database: 'postgres' });
  await admin.connect();
  const { rows: dbs } = await admin.query(
    `select datname from pg_database where datname like $1`,
    [`${prefix}%`],
  );
  await admin.end();
  // In parallel: each drop waits for a checkpoint, and concurrent ones share it.
  await Promise.all(
    dbs.map(async ({ datname }) => {
      const client = new pg.Client({ ...pgConnection, database: 'postgres' });
      await client.connect();
      try {
        await client.query(`drop database if exists "${datname}" with (force)`);
      } finally {
        await client.end();
      }
    }),
  );
  // Logs stay for a failed run.
  if (!failed) rmSync(workDir, { recursive: true, force: true });
}

let cleaning;
function shutdown(code, why) {
  console.error(`FAIL  ${why}; stopping the replicas and dropping ${prefix}*`);
  failed = true;
  cleaning ??= cleanup();
  cleaning.finally(() => process.exit(code));
}
process.once('SIGINT', () => shutdown(130, 'interrupted'));
process.once('SIGTERM', () => shutdown(143, 'terminated'));
// Whatever happens, no backend outlives the script.
process.on('exit', () => replicas.forEach(r => r.killNow()));
setTimeout(
  () => shutdown(1, `the run took over ${WATCHDOG_MS / 60_000} minutes`),
  WATCHDOG_MS,
).unref();

const started = Date.now();
try {
  await main();
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  phaseStart = Date.now();
  cleaning ??= cleanup();
  await cleaning.catch(error => {
    failed = true;
    console.error(error);
  });
  phase('drop databases');
}
console.log(`\n| check | result | figures |\n| --- | --- | --- |`);
for (const row of rows) {
  console.log(`| ${row.check} | ${row.result} | ${row.figures} |`);
}
console.log(
  `\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s: ${phases.join(
    ', ',
  )}`,
);
process.exit(failed ? 1 : 0);
