/**
 * The provider over real HTTP (no interception), against the stub Argo CD
 * API the benchmark uses: the instance's address and token come from
 * config, each application costs one request per endpoint, and the stub
 * answers as Argo CD does to a wrong token and an unknown application.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ArgoCdProvider } from './ArgoCdProvider';
import {
  FakeArgoCdApi,
  startFakeArgoCdApi,
} from './__testUtils__/fakeArgoCdApi';

const TOKEN = 'stub-token-3b9e1d';

const configMap = (value: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'shop-config', namespace: 'shop' },
  data: { LOG_LEVEL: value },
});

function entity(appName: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: appName,
      namespace: 'default',
      annotations: { 'argocd/app-name': appName },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

describe('ArgoCdProvider against the stub Argo CD API', () => {
  let api: FakeArgoCdApi;
  beforeAll(async () => {
    api = await startFakeArgoCdApi({
      token: TOKEN,
      applications: new Map([
        [
          'shop',
          {
            status: {
              sync: 'OutOfSync',
              revision: 'a1b2c3d',
              health: 'Healthy',
              operation: 'Succeeded',
            },
            resources: [
              {
                target: configMap('info'),
                live: configMap('debug'),
                status: 'OutOfSync',
              },
            ],
          },
        ],
      ]),
    });
  });
  afterAll(() => api.close());
  beforeEach(() => {
    api.requests.length = 0;
  });

  const provider = (token = TOKEN) =>
    ArgoCdProvider.fromConfig(
      new ConfigReader({
        pragmaticGitops: {
          argocd: { instances: [{ name: 'stub', baseUrl: api.url, token }] },
        },
      }),
      { logger: mockServices.logger.mock() },
    );

  it('observes an application with one request per endpoint', async () => {
    const result = await provider().getLiveState(
      entity('shop'),
      'component:default/shop',
    );
    expect(result).toMatchObject({
      type: 'observed',
      source: 'argocd:stub',
      objects: [configMap('debug')],
      desiredObjects: [configMap('info')],
      providerStatus: { sync: 'OutOfSync', revision: 'a1b2c3d' },
    });
    expect([...api.requests].sort()).toEqual([
      'GET /api/v1/applications/shop',
      'GET /api/v1/applications/shop/managed-resources',
    ]);
  });

  it('is unknown, saying so, for a rejected token or an unknown application', async () => {
    const rejected = await provider('wrong').getLiveState(
      entity('shop'),
      'component:default/shop',
    );
    expect(rejected).toMatchObject({
      type: 'unknown',
      reason: expect.stringContaining("instance 'stub' rejected the token"),
    });
    const missing = await provider().getLiveState(
      entity('gone'),
      'component:default/gone',
    );
    expect(missing).toMatchObject({
      type: 'unknown',
      reason: expect.stringContaining(
        "Application 'gone' not found in Argo CD instance 'stub'",
      ),
    });
  });
});
