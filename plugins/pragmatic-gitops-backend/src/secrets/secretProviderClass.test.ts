import { KubeObject } from '../engine/types';
import { component, secretProviderClass } from './__fixtures__/manifests';
import { extractSecretRefs } from './extractSecretRefs';
import { findSecretFindings } from './findSecretFindings';

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

const by = (name: string) => ({ kind: 'SecretProviderClass', name });
const via = 'csi-secret-provider';

const VAULT_OBJECTS = `
- objectName: "db-password"
  secretPath: "secret/data/payments/db"
  secretKey: "password"
- objectName: "api-key"
  secretPath: "kv/payments/api"
`;

const AWS_OBJECTS = `
- objectName: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:payments/db-AbCdEf"
  jmesPath:
    - path: username
      objectAlias: dbuser
    - path: password
      objectAlias: dbpass
- objectName: "/payments/feature-flags"
  objectType: "ssmparameter"
- objectName: "payments-token"
  objectType: "secretsmanager"
  objectVersionLabel: "AWSCURRENT"
`;

const AZURE_OBJECTS = `
array:
  - |
    objectName: payments-db-password
    objectType: secret
    objectVersion: ""
  - |
    objectName: payments-signing-key
    objectType: key
    objectVersion: 7f0c3e1b
`;

const GCP_SECRETS = `
- resourceName: "projects/acme-prod/secrets/payments-db/versions/latest"
  path: "db.txt"
- resourceName: "projects/acme-prod/secrets/payments-api/versions/4"
  path: "api.txt"
`;

describe('extractSecretRefs: Secrets Store CSI SecretProviderClass', () => {
  it.each<[string, KubeObject, unknown[]]>([
    [
      'vault: objects with secretPath and secretKey',
      secretProviderClass('payments-vault', 'vault', {
        vaultAddress: 'https://vault.example.com:8200',
        roleName: 'payments',
        objects: VAULT_OBJECTS,
      }),
      [
        {
          store: { kind: 'vault' },
          key: 'secret/data/payments/db',
          property: 'password',
          via,
          declaredBy: by('payments-vault'),
        },
        {
          store: { kind: 'vault' },
          key: 'kv/payments/api',
          via,
          declaredBy: by('payments-vault'),
        },
      ],
    ],
    [
      'aws: Secrets Manager ARN with jmesPath, Parameter Store and a version label',
      secretProviderClass('payments-aws', 'aws', { objects: AWS_OBJECTS }),
      [
        {
          store: { kind: 'aws-secrets-manager' },
          key: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:payments/db-AbCdEf',
          property: 'username',
          via,
          declaredBy: by('payments-aws'),
        },
        {
          store: { kind: 'aws-secrets-manager' },
          key: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:payments/db-AbCdEf',
          property: 'password',
          via,
          declaredBy: by('payments-aws'),
        },
        {
          store: { kind: 'aws-parameter-store' },
          key: '/payments/feature-flags',
          via,
          declaredBy: by('payments-aws'),
        },
        {
          store: { kind: 'aws-secrets-manager' },
          key: 'payments-token',
          version: 'AWSCURRENT',
          via,
          declaredBy: by('payments-aws'),
        },
      ],
    ],
    [
      'azure: the array of YAML objects, store named by the Key Vault',
      secretProviderClass('payments-azure', 'azure', {
        keyvaultName: 'acme-payments-kv',
        tenantId: '00000000-0000-0000-0000-000000000000',
        objects: AZURE_OBJECTS,
      }),
      [
        {
          store: { kind: 'azure-key-vault', name: 'acme-payments-kv' },
          key: 'payments-db-password',
          via,
          declaredBy: by('payments-azure'),
        },
        {
          store: { kind: 'azure-key-vault', name: 'acme-payments-kv' },
          key: 'payments-signing-key',
          version: '7f0c3e1b',
          via,
          declaredBy: by('payments-azure'),
        },
      ],
    ],
    [
      'gcp: secrets with resource names and versions (v1alpha1)',
      secretProviderClass(
        'payments-gcp',
        'gcp',
        { secrets: GCP_SECRETS },
        undefined,
        'secrets-store.csi.x-k8s.io/v1alpha1',
      ),
      [
        {
          store: { kind: 'gcp-secret-manager' },
          key: 'projects/acme-prod/secrets/payments-db',
          version: 'latest',
          via,
          declaredBy: by('payments-gcp'),
        },
        {
          store: { kind: 'gcp-secret-manager' },
          key: 'projects/acme-prod/secrets/payments-api',
          version: '4',
          via,
          declaredBy: by('payments-gcp'),
        },
      ],
    ],
    [
      'JSON objects are YAML too',
      secretProviderClass('payments-json', 'vault', {
        objects: JSON.stringify([
          {
            objectName: 'x',
            secretPath: 'secret/data/payments/x',
            secretKey: 'k',
          },
        ]),
      }),
      [
        {
          store: { kind: 'vault' },
          key: 'secret/data/payments/x',
          property: 'k',
          via,
          declaredBy: by('payments-json'),
        },
      ],
    ],
  ])('%s', (_, spc, expected) => {
    expect(refsOf([spc])).toEqual(expected);
  });

  it.each([
    [
      'YAML that does not parse',
      'vault',
      { objects: '- objectName: [unclosed\n  secretPath: {' },
    ],
    [
      'a mapping where a list is expected',
      'vault',
      { objects: 'objectName: x\nsecretPath: y' },
    ],
    [
      'an azure list where the array mapping is expected',
      'azure',
      { objects: '- a\n- b' },
    ],
    [
      'an azure array item that does not parse',
      'azure',
      { objects: 'array:\n  - "objectName: [x"' },
    ],
    ['a number where a YAML string is expected', 'gcp', { secrets: 42 }],
  ])('skips %s with a finding, never throwing', (_, provider, parameters) => {
    const desired = [secretProviderClass('broken', provider, parameters)];
    const refs = extractSecretRefs({ entity: component(), desired });
    expect(refs).toEqual([]);
    expect(findSecretFindings({ desired, refs })).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'invalid-secret-provider-class',
        location: 'SecretProviderClass/broken',
      }),
    ]);
  });

  it('gives no finding for a well-formed class without objects', () => {
    const desired = [secretProviderClass('empty', 'vault', { roleName: 'r' })];
    const refs = extractSecretRefs({ entity: component(), desired });
    expect(refs).toEqual([]);
    expect(findSecretFindings({ desired, refs })).toEqual([]);
  });
});
