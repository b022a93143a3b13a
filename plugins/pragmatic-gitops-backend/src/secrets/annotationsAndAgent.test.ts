import { KubeObject } from '../engine/types';
import { component, container, obj, workload } from './__fixtures__/manifests';
import { extractSecretRefs } from './extractSecretRefs';

const AGENT = {
  'vault.hashicorp.com/agent-inject': 'true',
  'vault.hashicorp.com/role': 'payments',
  'vault.hashicorp.com/agent-inject-secret-db.env': 'secret/data/payments/db',
  'vault.hashicorp.com/agent-inject-template-db.env':
    '{{- with secret "secret/data/payments/db" -}}export PW={{ .Data.data.password }}{{- end }}',
  'vault.hashicorp.com/agent-inject-secret-pg': 'database/creds/payments-ro',
};

const agentRefs = (kind: string, name: string) => [
  {
    store: { kind: 'vault' },
    key: 'secret/data/payments/db',
    via: 'vault-agent',
    usedBy: [{ kind, name }],
    resolution: { status: 'unchecked' },
  },
  {
    store: { kind: 'vault' },
    key: 'database/creds/payments-ro',
    via: 'vault-agent',
    usedBy: [{ kind, name }],
    resolution: { status: 'unchecked' },
  },
];

const spec = { containers: [container('api')] };

describe('extractSecretRefs: Vault Agent injector annotations', () => {
  it.each<[string, KubeObject, unknown[]]>([
    [
      'Deployment pod template',
      workload('Deployment', 'api', spec, AGENT),
      agentRefs('Deployment', 'api'),
    ],
    [
      'StatefulSet pod template',
      workload('StatefulSet', 'ledger', spec, AGENT),
      agentRefs('StatefulSet', 'ledger'),
    ],
    [
      'DaemonSet pod template',
      workload('DaemonSet', 'agent', spec, AGENT),
      agentRefs('DaemonSet', 'agent'),
    ],
    [
      'Job pod template',
      workload('Job', 'migrate', spec, AGENT),
      agentRefs('Job', 'migrate'),
    ],
    [
      'CronJob jobTemplate pod template',
      workload('CronJob', 'report', spec, AGENT),
      agentRefs('CronJob', 'report'),
    ],
    [
      'Pod annotations',
      workload('Pod', 'debug', spec, AGENT),
      agentRefs('Pod', 'debug'),
    ],
    [
      'not on the workload metadata, where the injector does not look',
      obj('apps/v1', 'Deployment', 'api', {
        metadata: { name: 'api', annotations: AGENT },
        spec: { template: { spec } },
      }),
      [],
    ],
  ])('%s', (_, object, expected) => {
    expect(
      extractSecretRefs({ entity: component(), desired: [object] }),
    ).toEqual(expected);
  });
});

describe('extractSecretRefs: catalog annotations', () => {
  const usedBy = [{ kind: 'Component', name: 'payments' }];

  it.each<[string, Record<string, string>, unknown[]]>([
    [
      'pragmatic-gitops.io/secret-refs, store aliases normalised, instance names kept',
      {
        'pragmatic-gitops.io/secret-refs':
          'vault:kv/payments/db#password, vault/prod:secret/payments/api\naws-sm:arn:aws:secretsmanager:eu-west-1:1:secret:pay',
      },
      [
        {
          store: { kind: 'vault' },
          key: 'kv/payments/db',
          property: 'password',
          via: 'annotation',
          usedBy,
          resolution: { status: 'unchecked' },
        },
        {
          store: { kind: 'vault', name: 'prod' },
          key: 'secret/payments/api',
          via: 'annotation',
          usedBy,
          resolution: { status: 'unchecked' },
        },
        {
          store: { kind: 'aws-secrets-manager' },
          key: 'arn:aws:secretsmanager:eu-west-1:1:secret:pay',
          via: 'annotation',
          usedBy,
          resolution: { status: 'unchecked' },
        },
      ],
    ],
    [
      'an invalid secret-refs value gives no refs (the catalog reports it)',
      { 'pragmatic-gitops.io/secret-refs': 'not a ref at all' },
      [],
    ],
    [
      'vault.io/secrets-path: a folder of secrets, under vault.io/secrets-engine when given',
      {
        'vault.io/secrets-path': '/payments/backstage/',
        'vault.io/secrets-engine': 'kv',
      },
      [
        {
          store: { kind: 'vault' },
          key: 'kv/payments/backstage/',
          via: 'annotation',
          usedBy,
          resolution: { status: 'unchecked' },
        },
      ],
    ],
    [
      'an empty vault.io/secrets-path gives nothing',
      { 'vault.io/secrets-path': ' / ' },
      [],
    ],
  ])('%s', (_, annotations, expected) => {
    expect(
      extractSecretRefs({ entity: component(annotations), desired: [] }),
    ).toEqual(expected);
  });

  it('merges the same reference found twice', () => {
    const refs = extractSecretRefs({
      entity: component({
        'pragmatic-gitops.io/secret-refs': 'vault:kv/a,vault:kv/a',
      }),
      desired: [],
    });
    expect(refs).toHaveLength(1);
  });
});
