/**
 * A fleet where Argo CD and Vault hang: the entities that need them become
 * `unknown` / `error` naming them within the configured timeout, and every
 * other entity's scan gives the same, correct answer as with no faulty
 * upstream at all. Timings are printed (no timing assertion beyond the
 * timeout plus scheduling slack).
 */
import {
  createMockDirectory,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  deployedComponent,
  startSecurityBackend,
} from '../__testUtils__/securityBackend';
import { trackUnhandledRejections } from '../__testUtils__/faultyUpstream';

jest.setTimeout(120_000);

const TIMEOUT_MS = 500;
const MARGIN_MS = 2_000;
const HEALTHY = 12;

const dir = createMockDirectory();
dir.setContent({
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/catalog-info.yaml': 'kind: Component',
  ...Object.fromEntries(
    Array.from({ length: HEALTHY }, (_, i) => [
      `deploy/svc-${i}/deployment.yaml`,
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: svc-${i}, namespace: shop }
spec: { replicas: ${i % 3 === 0 ? 3 : 2} }
`,
    ]),
  ),
  'deploy/vaulted/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: vaulted, namespace: shop }
spec: { replicas: 1 }
`,
});

/** An upstream that accepts connections and never answers. */
async function hangingServer() {
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer(() => {});
  server.on('connection', s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>(r => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

const healthy = Array.from({ length: HEALTHY }, (_, i) =>
  deployedComponent(dir, `svc-${i}`),
);
const faulty: Entity[] = [
  deployedComponent(dir, 'argo-app', {
    annotations: {
      'pragmatic-gitops.io/source-location': 'dir:../deploy/svc-0',
      'argocd/app-name': 'argo-app',
    },
  }),
  deployedComponent(dir, 'vaulted', {
    annotations: {
      'pragmatic-gitops.io/secret-refs': 'vault:secret/shop/db#password',
    },
  }),
];

/** What a pushed observation of svc-i looks like: svc-0, 3, 6… drifted by hand. */
const observation = (i: number) => ({
  entityRef: `component:default/svc-${i}`,
  source: 'ci-agent',
  objects: [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `svc-${i}`, namespace: 'shop' },
      spec: { replicas: 2 },
    },
  ],
});

const p50 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('one hanging upstream does not hold up the fleet', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  trackUnhandledRejections();
  let argocd: Awaited<ReturnType<typeof hangingServer>>;
  let vault: Awaited<ReturnType<typeof hangingServer>>;

  beforeAll(async () => {
    argocd = await hangingServer();
    vault = await hangingServer();
  });
  afterAll(async () => {
    await argocd.close();
    await vault.close();
  });

  async function scanFleet(withFaultyUpstreams: boolean) {
    const backend = await startSecurityBackend({
      knex: await databases.init('SQLITE_3'),
      entities: [...healthy, ...faulty],
      config: withFaultyUpstreams
        ? {
            pragmaticGitops: {
              argocd: {
                instances: [
                  {
                    name: 'prod',
                    baseUrl: argocd.url,
                    token: 't',
                    timeoutMs: TIMEOUT_MS,
                  },
                ],
              },
              vault: {
                instances: [
                  {
                    name: 'prod',
                    baseUrl: vault.url,
                    token: 't',
                    timeoutMs: TIMEOUT_MS,
                  },
                ],
              },
            },
          }
        : {},
    });
    for (let i = 0; i < HEALTHY; i++) {
      expect(
        (await backend.service().post('/observations', observation(i))).status,
      ).toBe(202);
    }
    const timed = async (name: string) => {
      const started = Date.now();
      const res = await backend
        .user()
        .post(`/entities/component/default/${name}/refresh`);
      expect(res.status).toBe(200);
      return { body: res.body, ms: Date.now() - started };
    };
    // All at once, as the scheduled scan does with its concurrency.
    const all = await Promise.all(
      [...healthy, ...faulty].map(e => timed(e.metadata.name)),
    );
    return {
      healthy: all.slice(0, HEALTHY),
      argo: all[HEALTHY],
      vaulted: all[HEALTHY + 1],
    };
  }

  it('marks only the entities that need the hanging upstreams, naming them', async () => {
    const baseline = await scanFleet(false);
    const faultyRun = await scanFleet(true);

    faultyRun.healthy.forEach(({ body }, i) => {
      expect(body.drift.status).toBe(i % 3 === 0 ? 'drifted' : 'in-sync');
      expect(body.drift.status).toBe(baseline.healthy[i].body.drift.status);
      expect(body.drift.resources).toEqual(
        baseline.healthy[i].body.drift.resources,
      );
    });
    expect(faultyRun.argo.body.drift).toMatchObject({
      status: 'unknown',
      reason: expect.stringContaining(
        `Argo CD instance 'prod' did not answer within ${TIMEOUT_MS} ms`,
      ),
    });
    expect(faultyRun.argo.ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    expect(faultyRun.vaulted.body.secretRefs).toEqual([
      expect.objectContaining({
        key: 'secret/shop/db',
        property: 'password',
        resolution: expect.objectContaining({
          status: 'error',
          reason: expect.stringContaining(
            "Vault instance 'prod' did not answer",
          ),
        }),
      }),
    ]);
    expect(faultyRun.vaulted.ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);

    // eslint-disable-next-line no-console
    console.log(
      [
        `fleet of ${HEALTHY} healthy + 2 faulty entities, refreshed at once (timeout ${TIMEOUT_MS} ms):`,
        `  healthy entities p50: ${p50(
          baseline.healthy.map(r => r.ms),
        )} ms without faulty upstreams, ${p50(
          faultyRun.healthy.map(r => r.ms),
        )} ms with Argo CD and Vault hanging`,
        `  Argo CD entity unknown after ${faultyRun.argo.ms} ms; Vault entity's reference error after ${faultyRun.vaulted.ms} ms`,
      ].join('\n'),
    );
  });
});
