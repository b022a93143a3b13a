// Notifications sent once across replicas: overdue back-ports and
// unexplained drift, counted in the notifications backend's own table.
import { NOTIFY_TASK, runsEndedAfter } from './scheduler.mjs';

const sleep = ms => new Promise(r => setTimeout(r, ms));
const entities = n => `${n} ${n === 1 ? 'entity' : 'entities'}`;

/**
 * Waits until each overdue hotfix has its claim event, then until the
 * notifier (a global task, every `notifySeconds` on either replica) has run
 * twice more after the last claim, and counts what was sent.
 */
export async function notifiedOnce(ctx, { overdue, notifySeconds }) {
  const { a, agentToken, gitops, run } = ctx;
  // The notifier's first run is a minute after start-up.
  const deadline = a.startedAt + 60_000 + 90_000;
  let claimed;
  for (;;) {
    ({
      rows: [claimed],
    } = await gitops.query(
      `select count(*)::int as count, max(e.at) as last from hotfix_events e
       join hotfixes h on h.id = e.hotfix_id
       where e.type = 'overdue-notified' and h.title like $1`,
      [`${run} overdue %`],
    ));
    if (claimed.count >= overdue.length || Date.now() > deadline) break;
    await sleep(250);
  }
  // The run that claimed ends after the claim: three ends after it are two
  // whole runs that started after it.
  const ends = claimed.last
    ? await runsEndedAfter(a, agentToken, NOTIFY_TASK, claimed.last.getTime(), {
        runs: 3,
        timeoutMs: 20 * notifySeconds * 1000,
      })
    : [];
  const client = ctx.db('notifications');
  await client.connect();
  const { rows: sent } = await client.query(
    `select "user", title, count(*)::int as count from notification
     where topic = 'pragmatic-gitops-hotfix-overdue' and title like $1 group by "user", title`,
    [`Hotfix HF-% overdue%`],
  );
  const ours = sent.filter(r =>
    overdue.some(h => r.title.startsWith(`Hotfix ${h.id} `)),
  );
  // The unexplained-drift notifier (same task) claims the same way.
  const { rows: drift } = await client.query(`
    select "user", link, count(*)::int as count from notification
    where topic = 'pragmatic-gitops-unexplained-drift' group by "user", link`);
  await client.end();
  const max = list => Math.max(0, ...list.map(r => r.count));
  ctx.check(
    'overdue notifications are sent once',
    overdue.every(r => r.status === 201) &&
      claimed.count === overdue.length &&
      ends.length === 3 &&
      new Set(ours.map(r => r.title)).size === overdue.length &&
      ours.every(r => r.count === 1),
    `${overdue.length} overdue hotfixes: ${claimed.count} claimed, ${Math.max(
      0,
      ends.length - 1,
    )} notifier runs after the last claim; ${ours.length} notification rows ` +
      `(${new Set(ours.map(r => r.user)).size} recipients), max ${max(
        ours,
      )} per recipient and hotfix`,
  );
  ctx.check(
    'unexplained-drift notifications are sent once',
    drift.length > 0 && drift.every(r => r.count === 1),
    `${drift.length} notification rows (${entities(
      new Set(drift.map(r => r.link)).size,
    )}), max ${max(drift)} per recipient and entity`,
  );
}
