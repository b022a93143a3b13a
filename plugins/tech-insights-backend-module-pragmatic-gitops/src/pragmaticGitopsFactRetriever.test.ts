import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The facts are checked against the real backend, not a stand-in for it.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import pragmaticGitopsPlugin from '@pragmatic-gitops/plugin-pragmatic-gitops-backend';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { createPragmaticGitopsFactRetriever } from './pragmaticGitopsFactRetriever';

jest.setTimeout(60_000);

const dir = createMockDirectory();
dir.setContent({
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/web.yaml': 'kind: Component',
  'deploy/web/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: shop/web:1.0.0
`,
  'deploy/web/secret.yaml': `apiVersion: v1
kind: Secret
metadata: { name: web-db, namespace: shop }
stringData: { password: hunter2 }
`,
  'deploy/web/pvc.yaml': `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: web-cache, namespace: shop }
spec: { resources: { requests: { storage: 1Gi } } }
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
          'catalog/web.yaml',
        )}`,
        ...annotations,
      },
    },
    spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
  };
}

const entities = [
  component('web', {
    'pragmatic-gitops.io/track': 'declarative',
    'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
  }),
  component('billing', {}),
];

describe('pragmaticGitopsFactRetriever', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('publishes per-entity facts from the pragmatic-gitops backend', async () => {
    const knex = await databases.init('SQLITE_3');
    const catalog = catalogServiceMock({ entities });
    const { server } = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.database.factory({ knex }),
      ],
    });
    const live = await request(server)
      .post('/api/pragmatic-gitops/observations')
      .set('Authorization', mockCredentials.service.header())
      .send({
        entityRef: 'component:default/web',
        source: 'ci-agent',
        objects: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'web', namespace: 'shop' },
            spec: {
              replicas: 2,
              template: {
                spec: {
                  containers: [{ name: 'web', image: 'shop/web:2.0.0' }],
                },
              },
            },
          },
        ],
      });
    expect(live.body.drift.status).toBe('drifted');
    const hotfix = await request(server)
      .post('/api/pragmatic-gitops/hotfixes')
      .set('Authorization', mockCredentials.user.header())
      .send({
        entityRef: 'component:default/web',
        title: 'Scaled web by hand',
        appliedAt: new Date(Date.now() - 4 * 24 * 3600 * 1000).toISOString(),
        changes: [
          {
            kind: 'Deployment',
            namespace: 'shop',
            name: 'web',
            paths: ['/spec/replicas'],
          },
        ],
      });
    expect(hotfix.status).toBe(201);

    const { port } = server.address() as AddressInfo;
    const retriever = createPragmaticGitopsFactRetriever({ catalog });
    const facts = await retriever.handler({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
      urlReader: mockServices.urlReader.mock(),
      auth: mockServices.auth(),
      discovery: mockServices.discovery.mock({
        getBaseUrl: async id => `http://localhost:${port}/api/${id}`,
      }),
    });

    const byName = Object.fromEntries(
      facts.map(fact => [fact.entity.name, fact.facts]),
    );
    expect(byName.web).toEqual({
      hasTrack: true,
      driftStatus: 'drifted',
      unexplainedDriftHours: expect.any(Number),
      overdueBackports: 1,
      plaintextSecretsInGit: 1,
      statefulInDeclarative: true,
    });
    expect(byName.web.unexplainedDriftHours).toBeGreaterThanOrEqual(0);
    expect(byName.web.unexplainedDriftHours).toBeLessThan(1);
    expect(byName.billing).toEqual({
      hasTrack: false,
      driftStatus: 'not-tracked',
      unexplainedDriftHours: 0,
      overdueBackports: 0,
      plaintextSecretsInGit: 0,
      statefulInDeclarative: false,
    });
    // Every fact the retriever sends is declared in its schema.
    for (const fact of facts) {
      expect(Object.keys(fact.facts).sort()).toEqual(
        Object.keys(retriever.schema).sort(),
      );
    }
  });
});
