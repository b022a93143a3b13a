// Hotfix writes against a replica through the real HTTP API, as a user does
// (a guest token from the auth backend), and the figures of a batch of them.

/** A user token from the guest provider of `replica`. */
export async function guestToken(replica) {
  const res = await fetch(
    `${replica.url}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  if (!res.ok)
    throw new Error(`guest sign-in on ${replica.name}: ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

/**
 * Components the run records hotfixes on, owned by the guest's team: enough
 * of them that no entity reaches the open-hotfix cap (100 per entity).
 */
export const LOAD_ENTITIES = Array.from(
  { length: 40 },
  (_, i) => `replicas-load-${String(i).padStart(2, '0')}`,
);

/** The component the cap check fills past its open-hotfix cap. */
export const CAP_ENTITY = 'replicas-cap';

/** The catalog file of LOAD_ENTITIES and CAP_ENTITY. */
export function loadEntitiesYaml() {
  return [...LOAD_ENTITIES, CAP_ENTITY]
    .map(
      name => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: team-payments
`,
    )
    .join('---\n');
}

/** Waits until `replica`'s catalog serves every entity the run writes to. */
export async function catalogReady(replica, token, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (const name of [...LOAD_ENTITIES, CAP_ENTITY]) {
    for (;;) {
      const res = await fetch(
        `${replica.url}/api/catalog/entities/by-name/component/default/${name}`,
        { headers: { Authorization: `Bearer ${token}` } },
      ).catch(() => undefined);
      if (res?.ok) break;
      if (Date.now() > deadline) {
        throw new Error(
          `${replica.name}'s catalog has no ${name} after ${timeoutMs / 1000}s`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}

export function hotfixBody(run, label, i, extra = {}) {
  return {
    entityRef: `component:default/${LOAD_ENTITIES[i % LOAD_ENTITIES.length]}`,
    title: `${run} ${label} ${i}`,
    changes: [
      {
        kind: 'Deployment',
        namespace: 'payments',
        name: 'api',
        paths: ['/spec/replicas'],
      },
    ],
    ...extra,
  };
}

/**
 * POST /hotfixes; never throws: a refused connection (a killed replica) is
 * `{ status: 0 }`.
 */
export async function createHotfix(replica, token, body, key) {
  const started = performance.now();
  try {
    const res = await fetch(`${replica.url}/api/pragmatic-gitops/hotfixes`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        ...(key ? { 'Idempotency-Key': key } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const json = await res.json().catch(() => ({}));
    return {
      replica: replica.name,
      status: res.status,
      id: json.id,
      error: res.ok ? undefined : json.error?.message,
      ms: performance.now() - started,
      endedAt: Date.now(),
    };
  } catch (error) {
    return {
      replica: replica.name,
      status: 0,
      error: error.cause?.code ?? error.message,
      ms: performance.now() - started,
      endedAt: Date.now(),
    };
  }
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/** "p50 12 ms, p99 80 ms" of a batch's latencies. */
export function latencies(results) {
  const ms = results.map(r => r.ms);
  return `p50 ${Math.round(percentile(ms, 50))} ms, p99 ${Math.round(
    percentile(ms, 99),
  )} ms`;
}
