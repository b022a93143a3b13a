// The hotfix-write checks with both replicas up: concurrent creates, retries
// with one Idempotency-Key, and the open-hotfix cap.
import {
  CAP_ENTITY,
  createHotfix,
  hotfixBody,
  latencies,
} from './hotfixes.mjs';

/** `count(*)` of a query whose single row has a `count` column. */
export async function count(client, sql, params) {
  return (await client.query(sql, params)).rows[0].count;
}

/** Rows whose title is of this run and `label`. */
export function rowsOf(ctx, label) {
  return count(
    ctx.gitops,
    `select count(*)::int as count from hotfixes where title like $1`,
    [`${ctx.run} ${label} %`],
  );
}

/** `n` concurrent creates alternating between the replicas, with a key each. */
export async function concurrentCreates(ctx, n) {
  const t = performance.now();
  const load = await Promise.all(
    Array.from({ length: n }, (_, i) => ctx.create(i, 'load')),
  );
  const seconds = (performance.now() - t) / 1000;
  const created = load.filter(r => r.status === 201);
  const ids = new Set(created.map(r => r.id));
  const rows = await rowsOf(ctx, 'load');
  ctx.check(
    `${n} concurrent creates over both replicas`,
    created.length === n && ids.size === n && rows === n,
    `${created.length} × 201, ${ids.size} unique ids, ${rows} rows; ` +
      `${seconds.toFixed(1)} s (${Math.round(n / seconds)}/s), ${latencies(
        load,
      )}` +
      (created.length < n
        ? `; other: ${JSON.stringify(load.find(r => r.status !== 201))}`
        : ''),
  );
}

/** `keys` Idempotency-Keys, each sent 4 times at once, twice to each replica. */
export async function retries(ctx, keys) {
  const { a, b, run, tokens } = ctx;
  const t = performance.now();
  const retried = await Promise.all(
    Array.from({ length: keys }, async (_, k) => {
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
  const rows = await rowsOf(ctx, 'retried');
  const all = retried.flat();
  ctx.check(
    'retries with one Idempotency-Key on either replica',
    oneIdPerKey && rows === keys,
    `${keys} keys × 4 requests (2 per replica): ${rows} rows, ` +
      `${all.filter(r => r.status === 201).length} × 201, ` +
      `${all.filter(r => r.status === 200).length} × 200; ${(
        (performance.now() - t) /
        1000
      ).toFixed(1)} s`,
  );
}

/**
 * `cap + over` concurrent creates on one entity, over both replicas: exactly
 * `cap` are stored, the rest refused with the API's 400 naming entityRef.
 */
export async function openHotfixCap(ctx, { cap, over }) {
  const entityRef = `component:default/${CAP_ENTITY}`;
  const results = await Promise.all(
    Array.from({ length: cap + over }, (_, i) =>
      ctx.create(i, 'cap', { entityRef }),
    ),
  );
  const message = `entityRef ${entityRef} already has ${cap} open hotfixes`;
  const refused = results.filter(
    r => r.status === 400 && r.error?.startsWith(message),
  );
  const created = results.filter(r => r.status === 201);
  const other = results.length - refused.length - created.length;
  const rows = await count(
    ctx.gitops,
    `select count(*)::int as count from hotfixes where entity_ref = $1`,
    [entityRef],
  );
  ctx.check(
    `the open-hotfix cap (${cap}) holds over both replicas`,
    created.length === cap && refused.length === over && rows === cap,
    `${cap + over} concurrent creates on one entity: ${created.length} × 201, ${
      refused.length
    } × 400 "${message}…", ${other} other; ${rows} rows`,
  );
}
