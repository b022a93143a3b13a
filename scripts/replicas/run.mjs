#!/usr/bin/env node
// Two replicas of the demo backend on one PostgreSQL database, checked for
// what several replicas must not break: a scheduled scan runs once per
// interval, concurrent and retried hotfix writes give one record each, a
// kill -9 mid-load leaves no partial record while the other replica keeps
// serving, and overdue notifications are sent once. Prints a results table;
// exits non-zero when a check fails.
//
//   node scripts/replicas/run.mjs [--keep]      (yarn test:replicas)
//
// Needs PostgreSQL on 127.0.0.1:5432, user postgres, trust auth (override
// with PGHOST/PGPORT/PGUSER). Every run uses fresh databases (prefix
// replicas_<run>_), dropped at the end unless --keep.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Replica } from './replica.mjs';
import {
  catalogReady,
  createHotfix,
  guestToken,
  hotfixBody,
  latencies,
  loadEntitiesYaml,
} from './hotfixes.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const keep = process.argv.includes('--keep');
const run = `r${Date.now().toString(36)}`;
const prefix = `replicas_${run}_`;
const SCAN_SECONDS = 15;
// A replica killed mid-scan holds the scan until this expires.
const SCAN_TIMEOUT_SECONDS = 45;
const OVERDUE_SECONDS = 10;
const LOAD = 1000;
const RETRIED_KEYS = 50;
const KILL_LOAD = 600;
const OVERDUE = 5;
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

const agentToken = randomBytes(24).toString('hex');
const workDir = mkdtempSync(join(tmpdir(), 'replicas-'));
const loadCatalog = join(workDir, 'load-entities.yaml');
writeFileSync(loadCatalog, loadEntitiesYaml());
const overrides = {
  catalog: {
    locations: [
      { type: 'file', target: join(repoRoot, 'catalog/all.yaml') },
      { type: 'file', target: loadCatalog },
    ],
  },
  backend: {
    database: { client: 'pg', connection: pgConnection, prefix },
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
      overdueCheckFrequency: { seconds: OVERDUE_SECONDS },
    },
  },
};
const replicas = [
  new Replica({ name: 'A', port: 7117, workDir, overrides, repoRoot }),
  new Replica({ name: 'B', port: 7118, workDir, overrides, repoRoot }),
];
const [a, b] = replicas;
const db = name =>
  new pg.Client({ ...pgConnection, database: `${prefix}${name}` });
const sleep = ms => new Promise(r => setTimeout(r, ms));

async function main() {
  const started = Date.now();
  console.log(`run ${run}: databases ${prefix}*, logs in ${workDir}`);
  // A first, B once A has migrated the empty databases: Backstage's own
  // first-time migrations (e.g. core.auth's public keys table) race when two
  // processes create the same tables at once (see docs/reliability.md).
  a.start();
  const startup = [await a.ready(6 * 60_000)];
  b.start();
  startup.push(await b.ready(6 * 60_000));
  const gitops = db('pragmatic-gitops');
  await gitops.connect();
  const tokens = { A: await guestToken(a), B: await guestToken(b) };
  await Promise.all(
    replicas.map(r => catalogReady(r, tokens[r.name], 3 * 60_000)),
  );
  const catalogSeconds = (Date.now() - Math.min(a.readyAt, b.readyAt)) / 1000;
  check(
    'both replicas start on one database',
    true,
    `ready after ${startup
      .map(ms => `${(ms / 1000).toFixed(0)} s`)
      .join(' / ')}, ` +
      `demo catalog loaded ${catalogSeconds.toFixed(0)} s later`,
  );

  const on = i => replicas[i % 2];

  // Overdue hotfixes first: the notifier (every OVERDUE_SECONDS on either
  // replica) finds them while the rest of the run goes on.
  const appliedAt = new Date(Date.now() - 4 * 86_400_000).toISOString();
  const overdue = await Promise.all(
    Array.from({ length: OVERDUE }, (_, i) =>
      createHotfix(
        on(i),
        tokens[on(i).name],
        hotfixBody(run, 'overdue', i, { appliedAt }),
        `${run}-overdue-${i}`,
      ),
    ),
  );

  // (2) 1,000 concurrent creates, alternating between the replicas.
  let t = performance.now();
  const load = await Promise.all(
    Array.from({ length: LOAD }, (_, i) =>
      createHotfix(
        on(i),
        tokens[on(i).name],
        hotfixBody(run, 'load', i),
        `${run}-load-${i}`,
      ),
    ),
  );
  const loadSeconds = (performance.now() - t) / 1000;
  const created = load.filter(r => r.status === 201);
  const ids = new Set(created.map(r => r.id));
  const {
    rows: [{ count: loadRows }],
  } = await gitops.query(
    `select count(*)::int as count from hotfixes where title like $1`,
    [`${run} load %`],
  );
  check(
    `${LOAD} concurrent creates over both replicas`,
    created.length === LOAD && ids.size === LOAD && loadRows === LOAD,
    `${created.length} × 201, ${
      ids.size
    } unique ids, ${loadRows} rows; ${loadSeconds.toFixed(1)} s ` +
      `(${Math.round(LOAD / loadSeconds)}/s), ${latencies(load)}` +
      (created.length < LOAD
        ? `; other: ${JSON.stringify(load.find(r => r.status !== 201))}`
        : ''),
  );

  // (3) The same Idempotency-Key sent 4 times at once, twice to each replica.
  t = performance.now();
  const retried = await Promise.all(
    Array.from({ length: RETRIED_KEYS }, async (_, k) => {
      const body = hotfixBody(run, 'retried', k);
      const key = `${run}-retried-${k}`;
      return Promise.all(
        [a, b, a, b].map(r => createHotfix(r, tokens[r.name], body, key)),
      );
    }),
  );
  const oneIdPerKey = retried.every(
    tries =>
      tries.every(r => r.status === 200 || r.status === 201) &&
      new Set(tries.map(r => r.id)).size === 1 &&
      tries.filter(r => r.status === 201).length === 1,
  );
  const {
    rows: [{ count: retriedRows }],
  } = await gitops.query(
    `select count(*)::int as count from hotfixes where title like $1`,
    [`${run} retried %`],
  );
  check(
    'retries with one Idempotency-Key on either replica',
    oneIdPerKey && retriedRows === RETRIED_KEYS,
    `${RETRIED_KEYS} keys × 4 requests (2 per replica): ${retriedRows} rows, ` +
      `${retried.flat().filter(r => r.status === 201).length} × 201, ` +
      `${retried.flat().filter(r => r.status === 200).length} × 200; ${(
        (performance.now() - t) /
        1000
      ).toFixed(1)} s`,
  );

  // (4) kill -9 of B in the middle of another load; B's failures are retried
  // on A with the same key, as a client behind a load balancer would.
  let done = 0;
  const killLoad = Promise.all(
    Array.from({ length: KILL_LOAD }, async (_, i) => {
      const body = hotfixBody(run, 'kill', i);
      const key = `${run}-kill-${i}`;
      const first = await createHotfix(on(i), tokens[on(i).name], body, key);
      done += 1;
      if (done === KILL_LOAD / 3) b.kill9();
      if (first.status === 0 || first.status >= 500) {
        return { first, retry: await createHotfix(a, tokens.A, body, key) };
      }
      return { first };
    }),
  );
  const killResults = await killLoad;
  const onA = killResults
    .filter(r => r.first.replica === 'A')
    .map(r => r.first);
  const bFailed = killResults.filter(r => r.retry);
  const keysRecorded = killResults.every(r =>
    [200, 201].includes((r.retry ?? r.first).status),
  );
  const partial = await gitops.query(`
    select h.id from hotfixes h
    where not exists (select 1 from hotfix_events e where e.hotfix_id = h.id and e.type = 'recorded')`);
  const {
    rows: [{ count: killRows, keys }],
  } = await gitops.query(
    `select count(*)::int as count, count(distinct idempotency_key)::int as keys from hotfixes where title like $1`,
    [`${run} kill %`],
  );
  check(
    'kill -9 of one replica mid-load leaves no partial record',
    partial.rowCount === 0 &&
      keysRecorded &&
      killRows === KILL_LOAD &&
      keys === KILL_LOAD,
    `${KILL_LOAD} creates, B killed after ${KILL_LOAD / 3}: ${
      bFailed.length
    } failed on B and were retried on A; ` +
      `${killRows} rows for ${KILL_LOAD} keys, ${partial.rowCount} hotfixes without their recorded event (of all rows)`,
  );
  check(
    'the other replica keeps serving',
    onA.every(r => r.status === 201),
    `${onA.filter(r => r.status === 201).length}/${
      onA.length
    } of A's requests succeeded during the kill, ${latencies(onA)}; ` +
      `retries on A: ${
        bFailed.filter(r => [200, 201].includes(r.retry.status)).length
      }/${bFailed.length} succeeded (${
        bFailed.filter(r => r.retry.status === 200).length
      } × 200: B had recorded them before it died)`,
  );

  // (5) Overdue notifications: wait until each overdue hotfix has its claim
  // event, then two more notifier intervals for any repeat.
  const deadline = Date.now() + 150_000;
  let claimed = 0;
  while (Date.now() < deadline) {
    ({
      rows: [{ count: claimed }],
    } = await gitops.query(
      `
      select count(*)::int as count from hotfix_events e join hotfixes h on h.id = e.hotfix_id
      where e.type = 'overdue-notified' and h.title like $1`,
      [`${run} overdue %`],
    ));
    if (claimed >= OVERDUE) break;
    await sleep(2000);
  }
  await sleep(2 * OVERDUE_SECONDS * 1000 + 2000);
  const notifications = db('notifications');
  await notifications.connect();
  const { rows: sent } = await notifications.query(
    `
    select "user", title, count(*)::int as count from notification
    where topic = 'pragmatic-gitops-hotfix-overdue' and title like $1 group by "user", title`,
    [`Hotfix HF-% overdue%`],
  );
  const ours = sent.filter(r =>
    overdue.some(h => r.title.startsWith(`Hotfix ${h.id} `)),
  );
  // The unexplained-drift notifier (during scans) claims the same way.
  const { rows: drift } = await notifications.query(`
    select "user", link, count(*)::int as count from notification
    where topic = 'pragmatic-gitops-unexplained-drift' group by "user", link`);
  await notifications.end();
  check(
    'overdue notifications are sent once',
    overdue.every(r => r.status === 201) &&
      claimed === OVERDUE &&
      ours.length > 0 &&
      ours.every(r => r.count === 1) &&
      new Set(ours.map(r => r.title)).size === OVERDUE,
    `${OVERDUE} overdue hotfixes: ${claimed} claimed, ${ours.length} notification rows ` +
      `(${new Set(ours.map(r => r.user)).size} recipients), max ${Math.max(
        0,
        ...ours.map(r => r.count),
      )} per recipient and hotfix`,
  );
  check(
    'unexplained-drift notifications are sent once',
    drift.every(r => r.count === 1),
    `${drift.length} notification rows (${
      new Set(drift.map(r => r.link)).size
    } entities), ` +
      `max ${Math.max(0, ...drift.map(r => r.count))} per recipient and entity`,
  );

  // If B died holding the scan, A takes it over once the lock expires
  // (the scan timeout): wait for A's first scan after the kill.
  const takeoverDeadline =
    b.killedAt + (SCAN_TIMEOUT_SECONDS + 3 * SCAN_SECONDS) * 1000 + 60_000;
  while (
    !a.linesMatching(/Drift scan:/).some(l => l.at > b.killedAt) &&
    Date.now() < takeoverDeadline
  ) {
    await sleep(1000);
  }
  const takeover = a.linesMatching(/Drift scan:/).find(l => l.at > b.killedAt);

  // (1) Scans over the whole run: once per interval across both replicas.
  const scans = [
    ...a.linesMatching(/Drift scan:/).map(l => ({ ...l, r: 'A' })),
    ...b.linesMatching(/Drift scan:/).map(l => ({ ...l, r: 'B' })),
  ].sort((x, y) => x.at - y.at);
  const firstReady = Math.min(a.readyAt, b.readyAt);
  const window = (Date.now() - firstReady) / 1000;
  // Each run's start and end from its log line: the logger's timestamp and
  // the duration the line reports.
  const runs = scans.map(l => {
    // eslint-disable-next-line no-control-regex
    const text = l.line.replace(/\x1b\[[0-9;]*m/g, '');
    const end = Date.parse(text.split(' ')[0]) || l.at;
    return { end, start: end - Number(/in (\d+) ms/.exec(text)?.[1] ?? 0) };
  });
  const overlaps = runs.slice(1).filter((run, i) => run.start < runs[i].end);
  const gaps = runs
    .slice(1)
    .map((run, i) => (run.start - runs[i].start) / 1000);
  const expected = Math.ceil(window / SCAN_SECONDS) + 1;
  const afterKill = scans.filter(l => l.at > b.killedAt).length;
  // Backstage schedules global runs on a fixed grid (next = previous slot +
  // frequency, or now when late), so a late run may be followed sooner than
  // the frequency; what must hold is one run at a time and one per slot.
  check(
    `a scheduled scan runs once per interval (${SCAN_SECONDS} s)`,
    scans.length >= 2 &&
      scans.length <= expected &&
      overlaps.length === 0 &&
      afterKill >= 1,
    `${scans.length} scans in ${window.toFixed(
      0,
    )} s (at most ${expected} slots; ` +
      `A ${scans.filter(l => l.r === 'A').length}, B ${
        scans.filter(l => l.r === 'B').length
      }); ` +
      `${overlaps.length} overlapping; starts ${Math.min(...gaps).toFixed(
        1,
      )}–${Math.max(...gaps).toFixed(1)} s apart; ` +
      `${afterKill} on A after B was killed, the first ${
        takeover
          ? `${((takeover.at - b.killedAt) / 1000).toFixed(0)} s after`
          : 'never'
      }`,
  );

  await gitops.end();
  console.log(`\n| check | result | figures |\n| --- | --- | --- |`);
  for (const row of rows)
    console.log(`| ${row.check} | ${row.result} | ${row.figures} |`);
  console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function cleanup() {
  await Promise.all(replicas.map(r => r.stop()));
  if (keep) return;
  const admin = new pg.Client({ ...pgConnection, database: 'postgres' });
  await admin.connect();
  const { rows: dbs } = await admin.query(
    `select datname from pg_database where datname like $1`,
    [`${prefix}%`],
  );
  for (const { datname } of dbs) {
    await admin.query(`drop database if exists "${datname}" with (force)`);
  }
  await admin.end();
}

process.once('SIGINT', () => {
  failed = true;
  cleanup().finally(() => process.exit(130));
});

try {
  await main();
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
