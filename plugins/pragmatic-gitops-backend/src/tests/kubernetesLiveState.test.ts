/**
 * With only the Kubernetes plugin's cluster configuration (no agent, no
 * push), a tracked entity's status is computed from the cluster; Flux's
 * applied revision shows on the entity; a cluster that refuses the token
 * makes only its entities unknown, naming it.
 */
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { pragmaticGitopsPlugin } from '../plugin';
import {
  BUILT_IN_KINDS,
  FakeKubernetesApi,
  FLUX_FAKE_KINDS,
  startFakeKubernetesApi,
} from '../providers/kubernetes/__testUtils__/fakeKubernetesApi';
import { object } from '../providers/kubernetes/__testUtils__/objects';

jest.setTimeout(60_000);

const dir = createMockDirectory();
dir.setContent({
  // A checkout: dir: sources may point anywhere inside its working tree.
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/all.yaml': 'kind: Component',
  'deploy/shop/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: shop, namespace: shop }
spec:
  replicas: 2
  template:
    spec:
      containers: [{ name: shop, image: shop:1.0 }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: shop-config, namespace: shop }
data: { LOG_LEVEL: info }
`,
  'deploy/billing/app.yaml': `apiVersion: v1
kind: ConfigMap
metadata: { name: billing, namespace: billing }
data: { CURRENCY: EUR }
`,
});

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${dir.resolve(
          'catalog/all.yaml',
        )}`,
        'pragmatic-gitops.io/track': 'declarative',
        ...annotations,
      },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

const label = (id: string) => ({ 'backstage.io/kubernetes-id': id });

describe('live state from the Kubernetes plugin configuration', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let prod: FakeKubernetesApi;
  let revoked: FakeKubernetesApi;

  beforeAll(async () => {
    const kinds = [...BUILT_IN_KINDS, ...FLUX_FAKE_KINDS];
    prod = await startFakeKubernetesApi({
      token: 'prod-token',
      kinds,
      objects: [
        object('apps/v1', 'Deployment', 'shop', {
          labels: label('shop'),
          spec: {
            replicas: 5, // scaled by hand
            template: {
              spec: { containers: [{ name: 'shop', image: 'shop:1.0' }] },
            },
          },
        }),
        object('apps/v1', 'ReplicaSet', 'shop-7c9', {
          labels: label('shop'),
          metadata: {
            name: 'shop-7c9',
            namespace: 'shop',
            ownerReferences: [
              { apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop' },
            ],
          },
        }),
        object('v1', 'ConfigMap', 'shop-config', {
          data: { LOG_LEVEL: 'info' },
        }),
        object('batch/v1', 'Job', 'fix-by-hand', { labels: label('shop') }),
        object('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'shop', {
          labels: label('shop'),
          metadata: { name: 'shop', namespace: 'flux-system' },
          spec: { suspend: true },
          status: {
            lastAppliedRevision: 'main@sha1:9e1f2d3',
            conditions: [
              {
                type: 'Ready',
                status: 'True',
                message: 'Applied revision: main@sha1:9e1f2d3',
              },
            ],
          },
        }),
      ],
    });
    revoked = await startFakeKubernetesApi({ token: 'other', kinds });
  });
  afterAll(async () => {
    await prod.close();
    await revoked.close();
  });

  async function start(options: { withRevokedCluster: boolean }) {
    const knex = await databases.init('SQLITE_3');
    const cluster = (name: string, url: string, token: string) => ({
      name,
      url,
      authProvider: 'serviceAccount',
      serviceAccountToken: token,
      skipTLSVerify: true,
    });
    const { server } = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        catalogServiceMock.factory({
          entities: [
            component('shop', {
              'pragmatic-gitops.io/source-location': 'dir:../deploy/shop',
              'backstage.io/kubernetes-id': 'shop',
            }),
            component('billing', {
              'pragmatic-gitops.io/source-location': 'dir:../deploy/billing',
              'backstage.io/kubernetes-id': 'billing',
            }),
          ],
        }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    cluster('prod-eu', prod.url, 'prod-token'),
                    ...(options.withRevokedCluster
                      ? [cluster('prod-us', revoked.url, 'revoked-token')]
                      : []),
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    return server;
  }

  const status = (server: any, name: string) =>
    request(server)
      .get(`/api/pragmatic-gitops/entities/component/default/${name}`)
      .set('Authorization', mockCredentials.user.header());

  it('computes drift from the cluster: hand-made changes, missing and extra objects; owned children are emergent; Flux status beside it', async () => {
    const server = await start({ withRevokedCluster: false });
    const res = await status(server, 'shop');
    expect(res.body.drift).toMatchObject({
      status: 'drifted',
      providerStatus: {
        revision: 'main@sha1:9e1f2d3',
        health: 'Ready',
        suspended: 'true',
      },
    });
    const byName = Object.fromEntries(
      res.body.drift.resources.map((r: any) => [`${r.kind}/${r.name}`, r]),
    );
    expect(byName['Deployment/shop']).toMatchObject({
      status: 'drifted',
      source: 'kubernetes:prod-eu',
      differences: [{ path: '/spec/replicas', desired: 2, live: 5 }],
    });
    expect(byName['ConfigMap/shop-config'].status).toBe('in-sync');
    expect(byName['Job/fix-by-hand']).toMatchObject({
      status: 'extra',
      source: 'kubernetes:prod-eu',
    });
    expect(byName['ReplicaSet/shop-7c9']).toBeUndefined();

    const billing = await status(server, 'billing');
    expect(billing.body.drift.status).toBe('drifted');
    expect(billing.body.drift.resources).toEqual([
      expect.objectContaining({ kind: 'ConfigMap', status: 'missing' }),
    ]);
  });

  it('a cluster that refuses the token makes unknown only the entity whose objects the other clusters do not have, naming the cluster', async () => {
    const server = await start({ withRevokedCluster: true });
    const res = await status(server, 'billing');
    expect(res.body.drift).toMatchObject({
      status: 'unknown',
      reason: expect.stringContaining(
        "Kubernetes cluster 'prod-us' refused the service account token (401)",
      ),
    });
    expect((await status(server, 'shop')).body.drift.status).toBe('drifted');
  });

  it("a back-port detected by Git matching live records Flux's applied revision", async () => {
    const server = await start({ withRevokedCluster: false });
    const recorded = await request(server)
      .post('/api/pragmatic-gitops/hotfixes')
      .set('Authorization', mockCredentials.user.header())
      .send({
        entityRef: 'component:default/shop',
        title: 'Scale shop for the sale',
        changes: [
          {
            kind: 'Deployment',
            namespace: 'shop',
            name: 'shop',
            paths: ['/spec/replicas'],
          },
        ],
      });
    expect(recorded.status).toBe(201);

    const manifest = dir.content({ path: 'deploy/shop' })!['app.yaml'];
    dir.addContent({
      'deploy/shop/app.yaml': String(manifest).replace(
        'replicas: 2',
        'replicas: 5',
      ),
    });
    try {
      const refreshed = await request(server)
        .post('/api/pragmatic-gitops/entities/component/default/shop/refresh')
        .set('Authorization', mockCredentials.user.header());
      expect(refreshed.status).toBe(200);
      const hotfix = await request(server)
        .get(`/api/pragmatic-gitops/hotfixes/${recorded.body.id}`)
        .set('Authorization', mockCredentials.user.header());
      expect(hotfix.body.status).toBe('backported');
      expect(hotfix.body.events.at(-1).detail).toEqual({
        via: 'git-match',
        revision: 'main@sha1:9e1f2d3',
      });
    } finally {
      dir.addContent({ 'deploy/shop/app.yaml': String(manifest) });
    }
  });

  it('sent nothing but GET to either cluster', () => {
    const methods = new Set(
      [...prod.requests, ...revoked.requests].map(r => r.method),
    );
    expect([...methods]).toEqual(['GET']);
  });
});
