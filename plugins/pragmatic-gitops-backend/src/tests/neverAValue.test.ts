/*
 * Secret values never leave the backend: canaries planted in every place a
 * secret can appear in Git and in live state must not show up in any API
 * response, log line or database row.
 */
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { pragmaticGitopsPlugin } from '../plugin';

jest.setTimeout(60_000);

const CANARIES = {
  plaintextData: 'canary-plain-data-91c2',
  plaintextStringData: 'canary-plain-string-3b7e',
  envValue: 'canary-env-value-5d10',
  sops: 'canary-sops-77aa',
  sealed: 'canary-sealed-e0f4',
  liveSecret: 'canary-live-secret-2c9d',
  liveEnv: 'canary-live-env-4410',
};
const b64 = (value: string) => Buffer.from(value).toString('base64');
const forms = Object.values(CANARIES).flatMap(value => [value, b64(value)]);

const dir = createMockDirectory();
dir.setContent({
  // A checkout: dir: sources may point anywhere inside its working tree.
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/web.yaml': 'kind: Component',
  'deploy/web/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: web
          image: shop/web:1.0.0
          env:
            - name: DB_PASSWORD_FALLBACK
              value: ${CANARIES.envValue}
            - name: DB_PASSWORD
              valueFrom: { secretKeyRef: { name: web-db, key: password } }
---
apiVersion: v1
kind: Secret
metadata: { name: web-db, namespace: shop }
data: { password: ${b64(CANARIES.plaintextData)} }
stringData: { token: ${CANARIES.plaintextStringData} }
---
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata: { name: web-api, namespace: shop }
spec:
  encryptedData: { key: ${CANARIES.sealed} }
`,
  'deploy/web/creds.sops.yaml': `apiVersion: v1
kind: Secret
metadata: { name: web-sops, namespace: shop }
stringData:
  password: ENC[AES256_GCM,data:${CANARIES.sops},iv:abc,tag:def,type:str]
sops:
  version: 3.8.1
`,
});

const entity = {
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

describe('no secret value leaves the backend', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('keeps every canary out of responses, logs and database rows', async () => {
    const lines: string[] = [];
    const capture = (level: string) => (message: string, meta?: unknown) =>
      lines.push(`${level} ${message} ${JSON.stringify(meta ?? {})}`);
    const logger: LoggerService = {
      debug: capture('debug'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
      child: () => logger,
    };
    const knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.database.factory({ knex }),
        createServiceFactory({
          service: coreServices.rootLogger,
          deps: {},
          factory: () => ({ ...logger, child: () => logger }),
        }),
      ],
    });

    const pushed = await request(server)
      .post('/api/pragmatic-gitops/observations')
      .set('Authorization', mockCredentials.service.header())
      .send({
        entityRef: 'component:default/web',
        source: 'agent',
        objects: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'web', namespace: 'shop' },
            spec: {
              template: {
                spec: {
                  containers: [
                    {
                      name: 'web',
                      image: 'shop/web:1.0.0',
                      env: [
                        {
                          name: 'DB_PASSWORD_FALLBACK',
                          value: CANARIES.liveEnv,
                        },
                        {
                          name: 'DB_PASSWORD',
                          valueFrom: {
                            secretKeyRef: { name: 'web-db', key: 'password' },
                          },
                        },
                      ],
                    },
                  ],
                },
              },
            },
          },
          {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: {
              name: 'web-db',
              namespace: 'shop',
              annotations: {
                'kubectl.kubernetes.io/last-applied-configuration':
                  JSON.stringify({
                    kind: 'Secret',
                    stringData: { token: CANARIES.plaintextStringData },
                  }),
              },
            },
            data: {
              password: b64(CANARIES.liveSecret),
              token: b64(CANARIES.plaintextStringData),
            },
          },
        ],
      });
    expect(pushed.status).toBe(202);
    // The differences exist, so masking was exercised rather than skipped.
    expect(pushed.body.drift.status).toBe('drifted');
    expect(pushed.body.findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining([
        'plaintext-secret-in-git',
        'encrypted-secret-in-git',
      ]),
    );

    const reads = await Promise.all(
      [
        '/api/pragmatic-gitops/entities/component/default/web',
        '/api/pragmatic-gitops/entities/component/default/web/history',
        '/api/pragmatic-gitops/overview',
      ].map(path =>
        request(server)
          .get(path)
          .set('Authorization', mockCredentials.user.header()),
      ),
    );
    const rows = await Promise.all(
      ['observations', 'entity_status', 'status_transitions'].map(table =>
        knex(table).select(),
      ),
    );

    const haystacks = {
      responses: JSON.stringify([pushed.body, ...reads.map(r => r.body)]),
      logs: lines.join('\n'),
      database: JSON.stringify(rows),
    };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const canary of forms) {
        expect({
          where,
          found: text.includes(canary) ? canary : undefined,
        }).toEqual({
          where,
          found: undefined,
        });
      }
    }
  });
});
