import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  KubeObject,
  LiveStateResult,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import {
  BUILT_IN_KINDS,
  FakeKubernetesApi,
  FLUX_FAKE_KINDS,
  startFakeKubernetesApi,
} from './__testUtils__/fakeKubernetesApi';
import { object, SELECTOR_LABEL } from './__testUtils__/objects';
import { testDigest } from '../../observations/__testUtils__/testDigest';
import { KubernetesProvider } from './KubernetesProvider';

const TOKEN = 'sa-token-1';
const CNPG = {
  apiVersion: 'postgresql.cnpg.io/v1',
  kind: 'Cluster',
  plural: 'clusters',
  namespaced: true,
};

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'shop', namespace: 'default', annotations },
  spec: {},
});
const shop = entity({ 'backstage.io/kubernetes-id': 'shop' });

const tokenDir = createMockDirectory();
const servers: FakeKubernetesApi[] = [];
async function cluster(
  objects: KubeObject[],
  options: { token?: string; delayMs?: number } = {},
) {
  const api = await startFakeKubernetesApi({
    token: TOKEN,
    kinds: [...BUILT_IN_KINDS, ...FLUX_FAKE_KINDS, CNPG],
    objects,
    ...options,
  });
  servers.push(api);
  return api;
}
const methodsSent = new Set<string>();
afterEach(async () => {
  for (const request of servers.flatMap(s => s.requests)) {
    methodsSent.add(request.method);
  }
  await Promise.all(servers.splice(0).map(s => s.close()));
});

function provider(
  clusters: Array<{ name: string; api: FakeKubernetesApi; token?: string }>,
  settings: { timeoutMs?: number; concurrency?: number } = {},
) {
  return new KubernetesProvider({
    clusters: clusters.map(c => ({
      name: c.name,
      url: c.api.url,
      token: { value: c.token ?? TOKEN },
      skipTLSVerify: true,
    })),
    settings: {
      enabled: true,
      concurrency: settings.concurrency ?? 4,
      timeoutMs: settings.timeoutMs ?? 2000,
    },
    logger: mockServices.logger.mock(),
    secretDigest: testDigest,
  });
}

const observed = (result: LiveStateResult | LiveStateResult[]) =>
  [result]
    .flat()
    .filter(
      (r): r is Extract<LiveStateResult, { type: 'observed' }> =>
        r.type === 'observed',
    );
const names = (result: LiveStateResult | LiveStateResult[]) =>
  observed(result)
    .flatMap(r => r.objects ?? [])
    .map(o => `${o.kind}/${o.metadata.name}`)
    .sort();

describe('KubernetesProvider', () => {
  it('GETs an unlabelled desired object by name after discovering its plural', async () => {
    const api = await cluster([object('apps/v1', 'Deployment', 'web')]);
    const result = await provider([{ name: 'prod', api }]).getLiveState(
      shop,
      'component:default/shop',
      { desired: [object('apps/v1', 'Deployment', 'web')] },
    );
    expect(observed(result)).toEqual([
      expect.objectContaining({
        source: 'kubernetes:prod',
        objects: [expect.objectContaining({ kind: 'Deployment' })],
      }),
    ]);
    const paths = api.requests.map(r => r.path);
    expect(paths).toContain('/apis/apps/v1');
    expect(paths).toContain('/apis/apps/v1/namespaces/shop/deployments/web');
  });

  it('LISTs declared kinds and children by label selector: owned children and unowned extras come back, labelled desired objects are not fetched again', async () => {
    const api = await cluster([
      object('apps/v1', 'Deployment', 'web', { labels: SELECTOR_LABEL }),
      object('apps/v1', 'ReplicaSet', 'web-5d9f', {
        labels: SELECTOR_LABEL,
        metadata: {
          name: 'web-5d9f',
          namespace: 'shop',
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
          ],
        },
      }),
      object('batch/v1', 'Job', 'debug-by-hand', { labels: SELECTOR_LABEL }),
      object('apps/v1', 'Deployment', 'other-team', {
        labels: { 'backstage.io/kubernetes-id': 'other' },
      }),
    ]);
    const result = await provider([{ name: 'prod', api }]).getLiveState(
      shop,
      'component:default/shop',
      { desired: [object('apps/v1', 'Deployment', 'web')] },
    );
    expect(names(result)).toEqual([
      'Deployment/web',
      'Job/debug-by-hand',
      'ReplicaSet/web-5d9f',
    ]);
    const paths = api.requests.map(r => r.path);
    expect(paths).toContain(
      '/apis/apps/v1/deployments?labelSelector=backstage.io%2Fkubernetes-id%3Dshop',
    );
    expect(paths).toContain(
      '/api/v1/pods?labelSelector=backstage.io%2Fkubernetes-id%3Dshop',
    );
    expect(paths).not.toContain(
      '/apis/apps/v1/namespaces/shop/deployments/web',
    );
  });

  it('uses backstage.io/kubernetes-label-selector as given', async () => {
    const api = await cluster([
      object('v1', 'ConfigMap', 'cfg', {
        labels: { app: 'shop', tier: 'web' },
      }),
    ]);
    const result = await provider([{ name: 'prod', api }]).getLiveState(
      entity({ 'backstage.io/kubernetes-label-selector': 'app=shop,tier=web' }),
      'component:default/shop',
      { desired: [object('v1', 'ConfigMap', 'cfg')] },
    );
    expect(names(result)).toEqual(['ConfigMap/cfg']);
  });

  it('leaves a desired object that is not on the cluster (404) out, so the engine reports it missing', async () => {
    const api = await cluster([]);
    const result = await provider([{ name: 'prod', api }]).getLiveState(
      shop,
      'component:default/shop',
      { desired: [object('v1', 'ConfigMap', 'gone')] },
    );
    expect(observed(result)).toEqual([
      expect.objectContaining({ source: 'kubernetes:prod', objects: [] }),
    ]);
    expect(api.requests.map(r => r.path)).toContain(
      '/api/v1/namespaces/shop/configmaps/gone',
    );
  });

  it("reads an operator's custom resource through discovery of its group", async () => {
    const api = await cluster([
      object('postgresql.cnpg.io/v1', 'Cluster', 'shop-db', {
        spec: { instances: 3 },
      }),
    ]);
    const result = await provider([{ name: 'prod', api }]).getLiveState(
      shop,
      'component:default/shop',
      { desired: [object('postgresql.cnpg.io/v1', 'Cluster', 'shop-db')] },
    );
    expect(observed(result)[0].objects).toEqual([
      expect.objectContaining({ kind: 'Cluster', spec: { instances: 3 } }),
    ]);
    expect(api.requests.map(r => r.path)).toContain(
      '/apis/postgresql.cnpg.io/v1/namespaces/shop/clusters/shop-db',
    );
  });

  it('reduces Secret values to digests before returning them', async () => {
    const value = Buffer.from('hunter2-canary').toString('base64');
    const api = await cluster([
      object('v1', 'Secret', 'db', {
        labels: SELECTOR_LABEL,
        data: { password: value },
      }),
    ]);
    const result = await provider([{ name: 'prod', api }]).getLiveState(
      shop,
      'component:default/shop',
      { desired: [object('v1', 'Secret', 'db')] },
    );
    const text = JSON.stringify(result);
    expect(names(result)).toEqual(['Secret/db']);
    expect(text).not.toContain(value);
    expect(text).not.toContain('hunter2-canary');
  });

  it('discovers once per cluster per scan, not per entity', async () => {
    const api = await cluster([object('apps/v1', 'Deployment', 'web')]);
    const kubernetes = provider([{ name: 'prod', api }]);
    const ask = () =>
      kubernetes.getLiveState(shop, 'component:default/shop', {
        desired: [object('apps/v1', 'Deployment', 'web')],
      });
    await kubernetes.startScan();
    await Promise.all([ask(), ask(), ask()]);
    const discoveries = () =>
      api.requests.filter(r => r.path === '/apis/apps/v1').length;
    expect(discoveries()).toBe(1);
    await kubernetes.startScan();
    await ask();
    expect(discoveries()).toBe(2);
  });

  it('keeps at most `concurrency` requests in flight per cluster', async () => {
    const api = await cluster([], { delayMs: 30 });
    let inFlight = 0;
    let most = 0;
    const original = api.requests.push.bind(api.requests);
    api.requests.push = (...items) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => (inFlight -= 1), 30);
      return original(...items);
    };
    await provider([{ name: 'prod', api }], { concurrency: 2 }).getLiveState(
      shop,
      'component:default/shop',
      {
        desired: Array.from({ length: 6 }, (_, i) =>
          object('v1', 'ConfigMap', `cfg-${i}`),
        ),
      },
    );
    expect(most).toBeLessThanOrEqual(2);
    expect(api.requests.length).toBeGreaterThan(6);
  });

  it('a cluster that refuses the token makes unknown, naming it, only the entities whose objects the other clusters do not have', async () => {
    const good = await cluster([object('v1', 'ConfigMap', 'on-good')]);
    const refusing = await cluster([object('v1', 'ConfigMap', 'on-bad')]);
    const kubernetes = provider([
      { name: 'eu', api: good },
      { name: 'us', api: refusing, token: 'revoked' },
    ]);
    const onGood = await kubernetes.getLiveState(shop, 'component:default/a', {
      desired: [object('v1', 'ConfigMap', 'on-good')],
    });
    expect(names(onGood)).toEqual(['ConfigMap/on-good']);

    const onBad = await kubernetes.getLiveState(shop, 'component:default/b', {
      desired: [object('v1', 'ConfigMap', 'on-bad')],
    });
    expect(onBad).toEqual({
      type: 'unknown',
      reason: expect.stringMatching(
        /Kubernetes cluster 'us' refused the service account token \(401\).*1 desired object/,
      ),
    });
    expect(JSON.stringify(onBad)).not.toContain('revoked');
  });

  it('a cluster that does not answer in time makes its entities unknown, naming it', async () => {
    const slow = await cluster([object('v1', 'ConfigMap', 'cfg')], {
      delayMs: 500,
    });
    const started = Date.now();
    const result = await provider([{ name: 'slow-eu', api: slow }], {
      timeoutMs: 100,
    }).getLiveState(shop, 'component:default/shop', {
      desired: [object('v1', 'ConfigMap', 'cfg')],
    });
    expect(result).toEqual({
      type: 'unknown',
      reason: expect.stringContaining(
        "Kubernetes cluster 'slow-eu' did not answer within 100 ms",
      ),
    });
    expect(Date.now() - started).toBeLessThan(450);
  });

  it("shows a Flux Kustomization's applied revision, readiness and suspension as the provider status", async () => {
    const api = await cluster([
      object('v1', 'ConfigMap', 'cfg', { labels: SELECTOR_LABEL }),
      object('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'shop', {
        labels: SELECTOR_LABEL,
        metadata: { name: 'shop', namespace: 'flux-system' },
        spec: { suspend: true },
        status: {
          lastAppliedRevision: 'main@sha1:4f2a9c1',
          conditions: [
            { type: 'Ready', status: 'False', message: 'health check failed' },
          ],
        },
      }),
    ]);
    const result = await provider([{ name: 'prod', api }]).getLiveState(
      shop,
      'component:default/shop',
      { desired: [object('v1', 'ConfigMap', 'cfg')] },
    );
    expect(observed(result)[0].providerStatus).toEqual({
      revision: 'main@sha1:4f2a9c1',
      health: 'Not ready',
      message: 'health check failed',
      suspended: 'true',
    });
    // The Flux object itself is not one of the entity's resources.
    expect(names(result)).toEqual(['ConfigMap/cfg']);
  });

  it('reads a HelmRelease when there is no Kustomization', async () => {
    const api = await cluster([
      object('helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'shop', {
        labels: SELECTOR_LABEL,
        status: {
          lastAppliedRevision: '1.4.2',
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              message: 'Helm upgrade succeeded',
            },
          ],
        },
      }),
    ]);
    const result = await provider([{ name: 'prod', api }]).getLiveState(
      shop,
      'component:default/shop',
      { desired: [object('v1', 'ConfigMap', 'cfg')] },
    );
    expect(observed(result)[0].providerStatus).toEqual({
      revision: '1.4.2',
      health: 'Ready',
      message: 'Helm upgrade succeeded',
    });
  });

  it('has nothing to say about an entity without a Kubernetes label, and asks no cluster', async () => {
    const api = await cluster([]);
    const result = await provider([{ name: 'prod', api }]).getLiveState(
      entity({}),
      'component:default/shop',
      { desired: [object('v1', 'ConfigMap', 'cfg')] },
    );
    expect(result).toEqual({ type: 'none' });
    expect(api.requests).toEqual([]);
  });

  it('reads clusters from the kubernetes plugin config and from catalog Resources, reporting unsupported auth providers once at start-up', async () => {
    const api = await cluster([object('v1', 'ConfigMap', 'cfg')]);
    const fromCatalog = await cluster([object('v1', 'ConfigMap', 'cfg2')]);
    const logger = mockServices.logger.mock();
    const config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'prod',
                url: api.url,
                authProvider: 'serviceAccount',
                serviceAccountToken: TOKEN,
                skipTLSVerify: true,
              },
              {
                name: 'gke',
                url: 'https://gke.example.com',
                authProvider: 'google',
              },
            ],
          },
          { type: 'catalog' },
        ],
      },
    });
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: 'edge',
            annotations: {
              'kubernetes.io/api-server': 'https://edge.example.com',
              'kubernetes.io/api-server-certificate-authority': '',
              'kubernetes.io/auth-provider': 'aws',
            },
          },
          spec: { type: 'kubernetes-cluster' },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: 'lab',
            annotations: {
              'kubernetes.io/api-server': fromCatalog.url,
              'kubernetes.io/api-server-certificate-authority': '',
              'kubernetes.io/auth-provider': 'serviceAccount',
              'kubernetes.io/skip-tls-verify': 'true',
            },
          },
          spec: { type: 'kubernetes-cluster' },
        },
      ],
    });
    // Catalog clusters carry no token: the pod's service-account token is used.
    tokenDir.setContent({ token: `${TOKEN}\n` });
    const kubernetes = KubernetesProvider.fromConfig(config, {
      logger,
      catalog,
      auth: mockServices.auth(),
      secretDigest: testDigest,
      inClusterTokenFile: tokenDir.resolve('token'),
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining("cluster 'gke' uses authProvider 'google'"),
    );
    const result = await kubernetes.getLiveState(
      shop,
      'component:default/shop',
      {
        desired: [object('v1', 'ConfigMap', 'cfg')],
      },
    );
    expect(names(result)).toEqual(['ConfigMap/cfg']);
    await kubernetes.startScan();
    await kubernetes.getLiveState(shop, 'component:default/shop', {
      desired: [object('v1', 'ConfigMap', 'cfg')],
    });
    const edgeWarnings = logger.warn.mock.calls.filter(([m]) =>
      String(m).includes("cluster 'edge' uses authProvider 'aws'"),
    );
    expect(edgeWarnings).toHaveLength(1);
  });

  // Last, so that it sees what every test above sent.
  it('is read-only: nothing but GET ever reached a cluster in any test above', () => {
    expect(methodsSent.size).toBeGreaterThan(0);
    expect([...methodsSent]).toEqual(['GET']);
  });
});
