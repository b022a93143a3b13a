// kill -9 of one replica in the middle of a load of hotfix creates: no
// partial record, every key recorded once, the other replica keeps serving.
import { createHotfix, hotfixBody, latencies } from './hotfixes.mjs';
import { SCAN_TASK, taskStates } from './scheduler.mjs';

const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * At least `load` creates from `load / 2` clients, half on each replica,
 * each sending its next create as soon as the last one answered, so that
 * both replicas have requests in flight whenever the kill comes. Once a
 * tenth have answered, kill -9 of the replica that does not hold the scan
 * (one killed mid-scan holds it until the scan timeout: see
 * docs/reliability.md); its failures are retried on the other with the same
 * key, as a client behind a load balancer would, and the clients go on
 * against the survivor. Returns `{ victim, survivor }`.
 */
export async function killMidLoad(ctx, load) {
  const { gitops, replicas, run, tokens } = ctx;
  let next = 0;
  let done = 0;
  let killing;
  let inFlight;
  let victim;
  let survivor;
  let broken;
  // Requests sent to each replica and not answered yet.
  const pending = { A: 0, B: 0 };
  const kill = async () => {
    try {
      ({ victim, survivor } = await pickVictim(ctx));
      inFlight = pending[victim.name];
      victim.kill9();
    } catch (error) {
      broken = error;
    }
  };
  const results = [];
  const client = async home => {
    while (!broken && (next < load || !victim?.killedAt)) {
      const i = next++;
      const target = victim?.killedAt ? survivor : home;
      const body = hotfixBody(run, 'kill', i);
      const key = `${run}-kill-${i}`;
      pending[target.name] += 1;
      const first = await createHotfix(target, tokens[target.name], body, key);
      pending[target.name] -= 1;
      done += 1;
      if (done === load / 10) killing = kill();
      if (first.status === 0 || first.status >= 500) {
        await killing;
        const retry = await createHotfix(
          survivor,
          tokens[survivor.name],
          body,
          key,
        );
        results.push({ first, retry });
      } else {
        results.push({ first });
      }
    }
  };
  await Promise.all(
    Array.from({ length: load / 2 }, (_, c) => client(replicas[c % 2])),
  );
  await killing;
  if (broken) throw broken;
  const sent = next;
  const [v, s] = [victim.name, survivor.name];
  const onSurvivor = results
    .filter(r => r.first.replica === s)
    .map(r => r.first);
  const retried = results.filter(r => r.retry);
  // A failure before the kill, or on the survivor, is a real one.
  const failedOtherwise = retried.filter(
    r => r.first.replica === s || r.first.endedAt < victim.killedAt,
  );
  const recorded = results.every(r =>
    [200, 201].includes((r.retry ?? r.first).status),
  );
  const partial = await gitops.query(`
    select h.id from hotfixes h
    where not exists (select 1 from hotfix_events e where e.hotfix_id = h.id and e.type = 'recorded')`);
  const {
    rows: [{ count: rows, keys }],
  } = await gitops.query(
    `select count(*)::int as count, count(distinct idempotency_key)::int as keys from hotfixes where title like $1`,
    [`${run} kill %`],
  );
  ctx.check(
    'kill -9 of one replica mid-load leaves no partial record',
    inFlight > 0 &&
      retried.length > 0 &&
      failedOtherwise.length === 0 &&
      partial.rowCount === 0 &&
      recorded &&
      rows === sent &&
      keys === sent,
    `${sent} creates from ${
      load / 2
    } clients, ${v} killed with ${inFlight} of its requests in flight: ${
      retried.length
    } failed on ${v} and were retried on ${s} (${
      failedOtherwise.length
    } failed otherwise); ` +
      `${rows} rows for ${sent} keys, ${partial.rowCount} hotfixes without their recorded event (of all rows)`,
  );
  const ok = r => [200, 201].includes(r.retry.status);
  ctx.check(
    'the other replica keeps serving',
    onSurvivor.every(r => r.status === 201) && retried.every(ok),
    `${onSurvivor.filter(r => r.status === 201).length}/${
      onSurvivor.length
    } of ${s}'s requests succeeded during the kill, ${latencies(
      onSurvivor,
    )}; ` +
      `retries on ${s}: ${retried.filter(ok).length}/${
        retried.length
      } succeeded (${
        retried.filter(r => r.retry.status === 200).length
      } × 200: ${v} had recorded them before it died)`,
  );
  return { victim, survivor };
}

/**
 * The replica to kill: the other one while one of them runs the scan (no
 * other can claim it meanwhile), B when neither does and the next run is
 * over a second away; otherwise asks again.
 */
async function pickVictim({ a, b, agentToken }) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const [onA, onB] = await Promise.all(
      [a, b].map(async r => (await taskStates(r, agentToken)).get(SCAN_TASK)),
    );
    if (onA?.workerState?.status === 'running') {
      return { victim: b, survivor: a };
    }
    if (onB?.workerState?.status === 'running') {
      return { victim: a, survivor: b };
    }
    const next = Date.parse(onA?.taskState?.startsAt ?? '');
    if (onA?.taskState?.status === 'idle' && next - Date.now() > 1000) {
      return { victim: b, survivor: a };
    }
    await sleep(100);
  }
  return { victim: b, survivor: a };
}
