import { KubeObject } from '../engine/types';
import {
  CSI_V1,
  component,
  container,
  externalSecret,
  obj,
  plaintextSecret,
  sealedSecret,
  secretKeyRefEnv,
  secretProviderClass,
  secretStore,
  vaultProvider,
  workload,
} from './__fixtures__/manifests';
import { NOT_PRODUCED_REASON, extractSecretRefs } from './extractSecretRefs';

const dbExternalSecret = externalSecret('payments-db', {
  secretStoreRef: { name: 'vault-backend', kind: 'SecretStore' },
  target: { name: 'payments-db-credentials' },
  data: [
    {
      secretKey: 'password',
      remoteRef: { key: 'payments/db', property: 'password' },
    },
  ],
});

function refsOf(desired: KubeObject[]) {
  return extractSecretRefs({ entity: component(), desired }).map(
    ({ store, key, property, via, usedBy, resolution }) => ({
      store,
      key,
      ...(property ? { property } : {}),
      via,
      usedBy,
      resolution,
    }),
  );
}

const vaultRef = (usedBy: unknown[]) => ({
  store: { kind: 'vault', name: 'vault-backend' },
  key: 'secret/payments/db',
  property: 'password',
  via: 'external-secret',
  usedBy,
  resolution: { status: 'unchecked' },
});

describe('extractSecretRefs: workloads using Kubernetes Secrets', () => {
  it.each<[string, KubeObject[], unknown[]]>([
    [
      'env secretKeyRef → the ExternalSecret producing it gets the container as a user',
      [
        secretStore('vault-backend', vaultProvider),
        dbExternalSecret,
        workload('Deployment', 'api', {
          containers: [
            container('api', {
              env: [
                secretKeyRefEnv(
                  'DB_PASSWORD',
                  'payments-db-credentials',
                  'password',
                ),
              ],
            }),
          ],
        }),
      ],
      [vaultRef([{ kind: 'Deployment', name: 'api', container: 'api' }])],
    ],
    [
      'envFrom secretRef in an initContainer of a StatefulSet → ExternalSecret named by metadata.name',
      [
        secretStore('vault-backend', vaultProvider),
        {
          ...dbExternalSecret,
          spec: { ...(dbExternalSecret.spec as object), target: {} },
        },
        workload('StatefulSet', 'ledger', {
          initContainers: [
            container('migrate', {
              envFrom: [{ secretRef: { name: 'payments-db' } }],
            }),
          ],
          containers: [container('ledger')],
        }),
      ],
      [
        vaultRef([
          { kind: 'StatefulSet', name: 'ledger', container: 'migrate' },
        ]),
      ],
    ],
    [
      'secret volume of a DaemonSet → a SealedSecret (template name) → sealed-secrets ref, per mounting container',
      [
        sealedSecret(
          'agent-tls-sealed',
          { 'tls.key': 'AgBy3i4OJSWK+PiTySYZZA==' },
          'agent-tls',
        ),
        workload('DaemonSet', 'agent', {
          containers: [
            container('agent', {
              volumeMounts: [{ name: 'tls', mountPath: '/tls' }],
            }),
            container('sidecar'),
          ],
          volumes: [{ name: 'tls', secret: { secretName: 'agent-tls' } }],
        }),
      ],
      [
        {
          store: { kind: 'sealed-secrets' },
          key: 'agent-tls',
          via: 'kubernetes-secret',
          usedBy: [{ kind: 'DaemonSet', name: 'agent', container: 'agent' }],
          resolution: {
            status: 'exists',
            reason: 'encrypted in Git as SealedSecret/agent-tls-sealed',
          },
        },
      ],
    ],
    [
      'projected secret source in a CronJob → a plaintext Secret in Git',
      [
        plaintextSecret('report-smtp', { password: 'c210cA==' }),
        workload('CronJob', 'report', {
          containers: [
            container('report', {
              volumeMounts: [{ name: 'creds', mountPath: '/creds' }],
            }),
          ],
          volumes: [
            {
              name: 'creds',
              projected: {
                sources: [
                  { configMap: { name: 'cfg' } },
                  { secret: { name: 'report-smtp' } },
                ],
              },
            },
          ],
        }),
      ],
      [
        {
          store: { kind: 'kubernetes' },
          key: 'report-smtp',
          via: 'kubernetes-secret',
          usedBy: [{ kind: 'CronJob', name: 'report', container: 'report' }],
          resolution: {
            status: 'exists',
            reason: 'declared in Git as Secret/report-smtp',
          },
        },
      ],
    ],
    [
      'secretKeyRef in a Job → a SecretProviderClass secretObjects; its CSI volume in a Pod too',
      [
        secretProviderClass(
          'payments-vault',
          'vault',
          {
            objects:
              '- objectName: db\n  secretPath: secret/data/payments/db\n  secretKey: password',
          },
          [
            {
              secretName: 'payments-db-synced',
              type: 'Opaque',
              data: [{ objectName: 'db', key: 'password' }],
            },
          ],
        ),
        workload('Job', 'migrate', {
          containers: [
            container('migrate', {
              env: [secretKeyRefEnv('PW', 'payments-db-synced', 'password')],
            }),
          ],
        }),
        workload('Pod', 'debug', {
          containers: [
            container('debug', {
              volumeMounts: [{ name: 'store', mountPath: '/mnt/secrets' }],
            }),
          ],
          volumes: [
            {
              name: 'store',
              csi: {
                driver: 'secrets-store.csi.k8s.io',
                readOnly: true,
                volumeAttributes: { secretProviderClass: 'payments-vault' },
              },
            },
          ],
        }),
      ],
      [
        {
          store: { kind: 'vault' },
          key: 'secret/data/payments/db',
          property: 'password',
          via: 'csi-secret-provider',
          usedBy: [
            { kind: 'Pod', name: 'debug', container: 'debug' },
            { kind: 'Job', name: 'migrate', container: 'migrate' },
          ],
          resolution: { status: 'unchecked' },
        },
      ],
    ],
    [
      'a Secret produced by a cert-manager Certificate',
      [
        obj('cert-manager.io/v1', 'Certificate', 'api-cert', {
          spec: { secretName: 'api-tls', dnsNames: ['api.example.com'] },
        }),
        workload('ReplicaSet', 'api', {
          containers: [container('api')],
          volumes: [{ name: 't', secret: { secretName: 'api-tls' } }],
        }),
      ],
      [
        {
          store: { kind: 'kubernetes' },
          key: 'api-tls',
          via: 'kubernetes-secret',
          usedBy: [{ kind: 'ReplicaSet', name: 'api' }],
          resolution: {
            status: 'exists',
            reason: 'declared in Git as Certificate/api-cert',
          },
        },
      ],
    ],
    [
      'nothing in Git produces it → missing kubernetes ref, users merged per key',
      [
        workload('Deployment', 'api', {
          containers: [
            container('api', {
              env: [
                secretKeyRefEnv('A', 'legacy-creds', 'token'),
                { name: 'PLAIN', value: 'x' },
              ],
            }),
            container('worker', {
              env: [secretKeyRefEnv('B', 'legacy-creds', 'token')],
            }),
          ],
        }),
      ],
      [
        {
          store: { kind: 'kubernetes' },
          key: 'legacy-creds',
          property: 'token',
          via: 'kubernetes-secret',
          usedBy: [
            { kind: 'Deployment', name: 'api', container: 'api' },
            { kind: 'Deployment', name: 'api', container: 'worker' },
          ],
          resolution: { status: 'missing', reason: NOT_PRODUCED_REASON },
        },
      ],
    ],
  ])('%s', (_, desired, expected) => {
    expect(refsOf(desired)).toEqual(expected);
  });

  it('reads no pod template of kinds that have none, nor malformed ones', () => {
    expect(
      refsOf([
        obj('v1', 'Service', 'api', { spec: { ports: [{ port: 80 }] } }),
        obj('apps/v1', 'Deployment', 'broken', { spec: { template: 'nope' } }),
        obj('apps/v1', 'Deployment', 'broken2', {
          spec: {
            template: {
              spec: {
                containers: 'x',
                volumes: [null, { name: 'v', secret: {} }],
              },
            },
          },
        }),
        obj(CSI_V1, 'SecretProviderClass', 'no-spec'),
      ]),
    ).toEqual([]);
  });
});
