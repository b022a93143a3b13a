import { KubeObject } from '../engine/types';
import {
  ESO_V1,
  component,
  externalSecret,
  secretStore,
  vaultProvider,
} from './__fixtures__/manifests';
import { extractSecretRefs } from './extractSecretRefs';
import { SecretRef } from './types';

const ES = { kind: 'ExternalSecret', name: 'payments-db' };
const unchecked = { status: 'unchecked' };

function refsOf(desired: KubeObject[]) {
  return extractSecretRefs({ entity: component(), desired }).map(
    ({ store, key, property, version, via, declaredBy }) => ({
      store,
      key,
      ...(property ? { property } : {}),
      ...(version ? { version } : {}),
      via,
      declaredBy,
    }),
  );
}

const storeRef = (name: string, kind = 'SecretStore') => ({
  secretStoreRef: { name, kind },
});

describe('extractSecretRefs: External Secrets Operator', () => {
  it.each<[string, KubeObject[], Array<Partial<SecretRef>>]>([
    [
      'v1beta1 data[].remoteRef against a Vault store (key under the store mount)',
      [
        secretStore('vault-backend', vaultProvider),
        externalSecret('payments-db', {
          ...storeRef('vault-backend'),
          target: { name: 'payments-db-credentials' },
          data: [
            {
              secretKey: 'password',
              remoteRef: { key: 'payments/db', property: 'password' },
            },
            {
              secretKey: 'username',
              remoteRef: {
                key: 'secret/data/payments/db',
                property: 'user',
                version: '3',
              },
            },
          ],
        }),
      ],
      [
        {
          store: { kind: 'vault', name: 'vault-backend' },
          key: 'secret/payments/db',
          property: 'password',
          via: 'external-secret',
          declaredBy: ES,
        },
        {
          store: { kind: 'vault', name: 'vault-backend' },
          key: 'secret/payments/db',
          property: 'user',
          version: '3',
          via: 'external-secret',
          declaredBy: ES,
        },
      ],
    ],
    [
      'v1 dataFrom[].extract against a ClusterSecretStore on AWS Secrets Manager',
      [
        secretStore(
          'aws-sm',
          { aws: { service: 'SecretsManager', region: 'eu-west-1' } },
          'ClusterSecretStore',
          ESO_V1,
        ),
        externalSecret(
          'payments-db',
          {
            ...storeRef('aws-sm', 'ClusterSecretStore'),
            dataFrom: [
              { extract: { key: 'prod/payments/db', version: 'AWSCURRENT' } },
            ],
          },
          ESO_V1,
        ),
      ],
      [
        {
          store: { kind: 'aws-secrets-manager', name: 'aws-sm' },
          key: 'prod/payments/db',
          version: 'AWSCURRENT',
          via: 'external-secret',
          declaredBy: ES,
        },
      ],
    ],
    [
      'AWS Parameter Store',
      [
        secretStore('ssm', {
          aws: { service: 'ParameterStore', region: 'eu-west-1' },
        }),
        externalSecret('payments-db', {
          ...storeRef('ssm'),
          data: [{ secretKey: 'url', remoteRef: { key: '/payments/db/url' } }],
        }),
      ],
      [
        {
          store: { kind: 'aws-parameter-store', name: 'ssm' },
          key: '/payments/db/url',
          via: 'external-secret',
          declaredBy: ES,
        },
      ],
    ],
    [
      'GCP Secret Manager, Azure Key Vault and Kubernetes stores',
      [
        secretStore('gcp', { gcpsm: { projectID: 'acme-prod' } }),
        secretStore('azure', {
          azurekv: { vaultUrl: 'https://acme.vault.azure.net' },
        }),
        secretStore('cluster', { kubernetes: { remoteNamespace: 'shared' } }),
        externalSecret('payments-db', {
          ...storeRef('gcp'),
          data: [
            { secretKey: 'a', remoteRef: { key: 'payments-db-password' } },
            {
              secretKey: 'b',
              remoteRef: { key: 'payments-api-key' },
              sourceRef: { storeRef: { name: 'azure', kind: 'SecretStore' } },
            },
            {
              secretKey: 'c',
              remoteRef: { key: 'shared-ca', property: 'ca.crt' },
              sourceRef: { storeRef: { name: 'cluster' } },
            },
          ],
        }),
      ],
      [
        {
          store: { kind: 'gcp-secret-manager', name: 'gcp' },
          key: 'payments-db-password',
          via: 'external-secret',
          declaredBy: ES,
        },
        {
          store: { kind: 'azure-key-vault', name: 'azure' },
          key: 'payments-api-key',
          via: 'external-secret',
          declaredBy: ES,
        },
        {
          store: { kind: 'kubernetes', name: 'cluster' },
          key: 'shared-ca',
          property: 'ca.crt',
          via: 'external-secret',
          declaredBy: ES,
        },
      ],
    ],
    [
      'dataFrom[].find by path, by name regexp and by tags',
      [
        secretStore('vault-backend', vaultProvider),
        externalSecret('payments-db', {
          ...storeRef('vault-backend'),
          dataFrom: [
            { find: { path: 'payments', name: { regexp: '^db-.*' } } },
            { find: { name: { regexp: '^payments-.*' } } },
            { find: { tags: { team: 'payments', env: 'prod' } } },
          ],
        }),
      ],
      [
        {
          store: { kind: 'vault', name: 'vault-backend' },
          key: 'secret/payments',
          via: 'external-secret-find',
          declaredBy: ES,
        },
        {
          store: { kind: 'vault', name: 'vault-backend' },
          key: '^payments-.*',
          via: 'external-secret-find',
          declaredBy: ES,
        },
        {
          store: { kind: 'vault', name: 'vault-backend' },
          key: 'tags:team=payments,env=prod',
          via: 'external-secret-find',
          declaredBy: ES,
        },
      ],
    ],
    [
      'a store that is not in Git is unknown, keeping its name',
      [
        externalSecret('payments-db', {
          ...storeRef('platform-vault', 'ClusterSecretStore'),
          data: [{ secretKey: 'p', remoteRef: { key: 'payments/db' } }],
        }),
      ],
      [
        {
          store: { kind: 'unknown', name: 'platform-vault' },
          key: 'payments/db',
          via: 'external-secret',
          declaredBy: ES,
        },
      ],
    ],
    [
      'a SecretStore in another namespace does not count; generators are skipped',
      [
        {
          ...secretStore('vault-backend', vaultProvider),
          metadata: { name: 'vault-backend', namespace: 'other' },
        },
        externalSecret('payments-db', {
          ...storeRef('vault-backend'),
          data: [{ secretKey: 'p', remoteRef: { key: 'payments/db' } }],
          dataFrom: [
            {
              sourceRef: {
                generatorRef: {
                  apiVersion: 'generators.external-secrets.io/v1alpha1',
                  kind: 'Password',
                  name: 'pw',
                },
              },
            },
          ],
        }),
      ],
      [
        {
          store: { kind: 'unknown', name: 'vault-backend' },
          key: 'payments/db',
          via: 'external-secret',
          declaredBy: ES,
        },
      ],
    ],
  ])('%s', (_, desired, expected) => {
    expect(refsOf(desired)).toEqual(expected);
  });

  it('starts unchecked, unused until a workload uses the target secret', () => {
    const [ref] = extractSecretRefs({
      entity: component(),
      desired: [
        externalSecret('payments-db', {
          ...storeRef('x'),
          data: [{ secretKey: 'p', remoteRef: { key: 'k' } }],
        }),
      ],
    });
    expect(ref.resolution).toEqual(unchecked);
    expect(ref.usedBy).toEqual([]);
  });

  it('ignores malformed entries without throwing', () => {
    expect(
      refsOf([
        externalSecret('payments-db', {
          secretStoreRef: 'not-an-object',
          data: [null, 'x', { remoteRef: { key: 42 } }, { remoteRef: {} }],
          dataFrom: { extract: 'nope' },
        }),
        {
          apiVersion: ESO_V1,
          kind: 'ExternalSecret',
          metadata: { name: 'empty' },
        },
      ]),
    ).toEqual([]);
  });
});
