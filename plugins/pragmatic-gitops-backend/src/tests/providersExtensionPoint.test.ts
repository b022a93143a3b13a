import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  KubeObject,
  LiveStateProvider,
  pragmaticGitopsProvidersExtensionPoint,
  SecretResolver,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import request from 'supertest';
import { pragmaticGitopsPlugin } from '../plugin';

jest.setTimeout(60_000);

const dir = createMockDirectory();
dir.setContent({
  // A checkout: dir: sources may point anywhere inside its working tree.
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/web.yaml': 'kind: Component',
  'deploy/web/config.yaml': `apiVersion: v1
kind: ConfigMap
metadata: { name: web, namespace: shop }
data: { LOG_LEVEL: info }
`,
  'deploy/web/job.yaml': `apiVersion: batch/v1
kind: Job
metadata: { name: migrate, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: migrate
          image: shop/migrate:1
          env:
            - name: DB
              valueFrom: { secretKeyRef: { name: web-db, key: url } }
`,
});

const web: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'web',
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': `file:${dir.resolve(
        'catalog/web.yaml',
      )}`,
      'pragmatic-gitops.io/track': 'declarative',
      'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
    },
  },
  spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
};

const configMap = (level: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'web', namespace: 'shop' },
  data: { LOG_LEVEL: level },
});
const job: KubeObject = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'migrate', namespace: 'shop' },
  spec: {
    template: {
      spec: {
        containers: [
          {
            name: 'migrate',
            image: 'shop/migrate:1',
            env: [
              {
                name: 'DB',
                valueFrom: { secretKeyRef: { name: 'web-db', key: 'url' } },
              },
            ],
          },
        ],
      },
    },
  },
};

/** What an adopter writes: a module adding its own source of live state. */
function adopterModule(provider: LiveStateProvider, resolver?: SecretResolver) {
  return createBackendModule({
    pluginId: 'pragmatic-gitops',
    moduleId: 'my-source',
    register(reg) {
      reg.registerInit({
        deps: { providers: pragmaticGitopsProvidersExtensionPoint },
        async init({ providers }) {
          providers.addLiveStateProvider(provider);
          if (resolver) providers.addSecretResolver(resolver);
        },
      });
    },
  });
}

function staticProvider(objects: KubeObject[], observedAt: Date) {
  const provider: LiveStateProvider = {
    name: 'my-source',
    getLiveState: jest.fn(async () => ({
      type: 'observed' as const,
      source: 'my-source:prod',
      observedAt,
      objects,
      providerStatus: { revision: 'abc123', health: 'Healthy' },
    })),
  };
  return provider;
}

describe('providers extension point', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start(...modules: ReturnType<typeof adopterModule>[]) {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        ...modules,
        catalogServiceMock.factory({ entities: [web] }),
        mockServices.database.factory({ knex }),
      ],
    });
    return server;
  }

  const getWeb = (server: any) =>
    request(server)
      .get('/api/pragmatic-gitops/entities/component/default/web')
      .set('Authorization', mockCredentials.user.header());

  it('without a source of live state the entity is unknown', async () => {
    const res = await getWeb(await start());
    expect(res.body.drift.status).toBe('unknown');
  });

  it("computes the entity's status from an adopter module's provider, which gets the desired objects", async () => {
    const provider = staticProvider(
      [configMap('debug'), job],
      new Date('2026-11-25T10:00:00Z'),
    );
    const res = await getWeb(await start(adopterModule(provider)));

    expect(res.body.drift).toMatchObject({
      status: 'drifted',
      source: 'dir:../deploy/web ↔ my-source:prod',
      providerStatus: { revision: 'abc123', health: 'Healthy' },
    });
    expect(res.body.drift.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'ConfigMap',
          status: 'drifted',
          source: 'my-source:prod',
        }),
        expect.objectContaining({ kind: 'Job', source: 'my-source:prod' }),
      ]),
    );
    const context = (provider.getLiveState as jest.Mock).mock.calls[0][2];
    expect(
      context.desired.map((o: KubeObject) => o.metadata.name).sort(),
    ).toEqual(['migrate', 'web']);
  });

  it("applies an adopter module's secret resolver to the entity's references", async () => {
    const resolver: SecretResolver = {
      name: 'my-store',
      async resolveAll(refs) {
        return refs.map(ref =>
          ref.store.kind === 'kubernetes'
            ? { ...ref, resolution: { status: 'exists', version: 'v7' } }
            : ref,
        );
      },
    };
    const provider = staticProvider([configMap('info'), job], new Date());
    const res = await getWeb(await start(adopterModule(provider, resolver)));
    expect(res.body.drift.status).toBe('in-sync');
    expect(res.body.secretRefs).toEqual([
      expect.objectContaining({
        key: 'web-db',
        resolution: { status: 'exists', version: 'v7' },
      }),
    ]);
  });

  it('merges pushed observations with a provider: the newest observation of an object wins, and each resource names its source', async () => {
    const provider = staticProvider(
      [configMap('info'), job],
      new Date('2026-11-25T10:00:00Z'),
    );
    const server = await start(adopterModule(provider));

    // A newer push of the ConfigMap wins over the provider's view of it.
    const pushed = await request(server)
      .post('/api/pragmatic-gitops/observations')
      .set('Authorization', mockCredentials.service.header())
      .send({
        entityRef: 'component:default/web',
        source: 'hotfix-agent',
        observedAt: '2026-11-25T11:00:00Z',
        objects: [configMap('debug')],
      });
    expect(pushed.status).toBe(202);
    // The push response is computed from what was pushed.
    expect(pushed.body.drift.status).toBe('drifted');
    const byKind = Object.fromEntries(
      pushed.body.drift.resources.map((r: any) => [r.kind, r]),
    );
    expect(byKind.ConfigMap.status).toBe('drifted');
    expect(byKind.ConfigMap.source).not.toBe('my-source:prod');
    expect(byKind.Job).toMatchObject({
      status: 'in-sync',
      source: 'my-source:prod',
    });

    // An older push of the same object does not replace the newer view.
    const older = await request(server)
      .post('/api/pragmatic-gitops/observations')
      .set('Authorization', mockCredentials.service.header())
      .send({
        entityRef: 'component:default/web',
        source: 'nightly-agent',
        observedAt: '2026-11-24T10:00:00Z',
        objects: [configMap('info')],
      });
    expect(older.body.drift.status).toBe('drifted');
  });
});
