import { computeDrift } from './computeDrift';
import { DriftInput, MASKED_VALUE } from './types';
import {
  b64,
  CANARY,
  cnpgClusterDesired,
  cnpgClusterLive,
  configMapLive,
  deploymentDesired,
  deploymentLive,
  endpointsLive,
  hpaDesired,
  hpaLive,
  kafkaTopicDesired,
  kafkaTopicLive,
  replicaSetChild,
  secretDesired,
  secretLive,
  serviceDesired,
  serviceLive,
} from './__fixtures__/kubernetes';
import { driftInput, edit, summarize } from './__fixtures__/harness';

const CONTAINER = '/spec/template/spec/containers/0';

type Expected = ReturnType<typeof summarize>;
type Case = {
  name: string;
  input: () => DriftInput;
  expected: Partial<Expected>;
};

const inSyncDeployment: Partial<Expected> = {
  status: 'in-sync',
  resources: ['Deployment/payments/payments-api in-sync'],
  differences: [],
  ignored: [],
};

const cases: Case[] = [
  {
    name: 'Deployment with server defaults, status and differently written quantities is in sync',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: { objects: [deploymentLive()] },
      }),
    expected: inSyncDeployment,
  },
  {
    name: 'image changed live is drift',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(deploymentLive(), o => {
              o.spec.template.spec.containers[0].image =
                'registry.example.com/payments/payments-api:2.14.2-hotfix';
            }),
          ],
        },
      }),
    expected: {
      status: 'drifted',
      resources: ['Deployment/payments/payments-api drifted'],
      differences: [`Deployment/payments-api ${CONTAINER}/image`],
    },
  },
  {
    name: 'env var added live is drift at the list path + /-',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(deploymentLive(), o => {
              o.spec.template.spec.containers[0].env.push({
                name: 'DEBUG',
                value: 'true',
              });
            }),
          ],
        },
      }),
    expected: {
      status: 'drifted',
      differences: [`Deployment/payments-api ${CONTAINER}/env/-`],
    },
  },
  {
    name: 'env reordered live is in sync (matched by name)',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(deploymentLive(), o => {
              o.spec.template.spec.containers[0].env.reverse();
              o.spec.template.spec.containers[0].volumeMounts.reverse();
              o.spec.template.spec.volumes.reverse();
            }),
          ],
        },
      }),
    expected: inSyncDeployment,
  },
  {
    name: 'env value changed reports the index in the desired list',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(deploymentLive(), o => {
              o.spec.template.spec.containers[0].env.reverse();
              o.spec.template.spec.containers[0].env[2].value = 'debug'; // LOG_LEVEL, desired index 0
            }),
          ],
        },
      }),
    expected: {
      status: 'drifted',
      differences: [`Deployment/payments-api ${CONTAINER}/env/0/value`],
    },
  },
  {
    name: 'container ports without names match by containerPort + protocol',
    input: () =>
      driftInput({
        desired: [
          edit(deploymentDesired(), o => {
            o.spec.template.spec.containers[0].ports = [
              { containerPort: 8080 },
              { containerPort: 5353, protocol: 'UDP' },
            ];
          }),
        ],
        live: {
          objects: [
            edit(deploymentLive(), o => {
              o.spec.template.spec.containers[0].ports = [
                { containerPort: 5353, protocol: 'UDP' },
                { containerPort: 8080, protocol: 'TCP' },
              ];
            }),
          ],
        },
      }),
    expected: inSyncDeployment,
  },
  {
    name: 'container port changed live: desired port missing and live port extra',
    input: () =>
      driftInput({
        desired: [
          edit(deploymentDesired(), o => {
            o.spec.template.spec.containers[0].ports = [
              { containerPort: 8080 },
            ];
          }),
        ],
        live: {
          objects: [
            edit(deploymentLive(), o => {
              o.spec.template.spec.containers[0].ports = [
                { containerPort: 8081, protocol: 'TCP' },
              ];
            }),
          ],
        },
      }),
    expected: {
      status: 'drifted',
      differences: [
        `Deployment/payments-api ${CONTAINER}/ports/0`,
        `Deployment/payments-api ${CONTAINER}/ports/-`,
      ],
    },
  },
  {
    name: 'quantities compare by value only where quantities live (a label "1000m" is not "1")',
    input: () =>
      driftInput({
        desired: [
          edit(
            deploymentDesired(),
            o => (o.metadata.labels['example.com/cpu'] = '1000m'),
          ),
        ],
        live: {
          objects: [
            edit(
              deploymentLive(),
              o => (o.metadata.labels['example.com/cpu'] = '1'),
            ),
          ],
        },
      }),
    expected: {
      status: 'drifted',
      differences: [
        'Deployment/payments-api /metadata/labels/example.com~1cpu',
      ],
    },
  },
  {
    name: 'empty and absent compare equal ({}, [], "", null vs missing)',
    input: () =>
      driftInput({
        desired: [
          edit(deploymentDesired(), o => {
            o.metadata.annotations = {};
            o.spec.template.spec.containers[0].args = [];
            o.spec.template.spec.containers[0].workingDir = '';
            o.spec.template.spec.nodeSelector = null;
            o.spec.template.spec.affinity = { nodeAffinity: {} };
          }),
        ],
        live: { objects: [deploymentLive()] },
      }),
    expected: inSyncDeployment,
  },
  {
    name: 'Service with clusterIP, sessionAffinity and protocol defaults is in sync',
    input: () =>
      driftInput({
        desired: [serviceDesired()],
        live: { objects: [serviceLive()] },
      }),
    expected: {
      status: 'in-sync',
      resources: ['Service/payments/payments-api in-sync'],
      differences: [],
    },
  },
  {
    name: 'Service targetPort changed is drift on the desired index',
    input: () =>
      driftInput({
        desired: [serviceDesired()],
        live: {
          objects: [
            edit(serviceLive(), o => (o.spec.ports[1].targetPort = 8081)),
          ],
        },
      }),
    expected: {
      status: 'drifted',
      differences: ['Service/payments-api /spec/ports/0/targetPort'],
    },
  },
  {
    name: 'HPA (autoscaling/v2) in desired makes the target replicas emergent',
    input: () =>
      driftInput({
        desired: [deploymentDesired(), hpaDesired()],
        live: {
          objects: [
            edit(deploymentLive(), o => (o.spec.replicas = 7)),
            hpaLive(),
          ],
        },
      }),
    expected: {
      status: 'in-sync',
      differences: [],
      ignored: [
        'Deployment/payments-api /spec/replicas hpa-managed-replicas HorizontalPodAutoscaler/payments-api',
      ],
    },
  },
  {
    name: 'HPA (autoscaling/v1) works the same',
    input: () =>
      driftInput({
        desired: [deploymentDesired(), hpaDesired('autoscaling/v1')],
        live: {
          objects: [
            edit(deploymentLive(), o => (o.spec.replicas = 7)),
            hpaLive('autoscaling/v1'),
          ],
        },
      }),
    expected: { status: 'in-sync', differences: [] },
  },
  {
    name: 'without an HPA replicas scaled by hand are drift',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: { objects: [edit(deploymentLive(), o => (o.spec.replicas = 7))] },
      }),
    expected: {
      status: 'drifted',
      differences: ['Deployment/payments-api /spec/replicas'],
    },
  },
  {
    name: 'global ignore rule ignores its pointer and everything below',
    input: () =>
      driftInput({
        desired: [deploymentDesired(), serviceDesired()],
        live: {
          objects: [
            edit(deploymentLive(), o => {
              o.metadata.labels['app.kubernetes.io/name'] = 'renamed';
              o.spec.template.spec.containers[0].env.push({
                name: 'DEBUG',
                value: 'true',
              });
            }),
            serviceLive(),
          ],
        },
        ignoreRules: [
          { pointer: '/metadata/labels' },
          { pointer: `${CONTAINER}/env` },
        ],
      }),
    expected: {
      status: 'in-sync',
      differences: [],
      ignored: [
        'Deployment/payments-api /metadata/labels/app.kubernetes.io~1name ignore-rule /metadata/labels',
        `Deployment/payments-api ${CONTAINER}/env/- ignore-rule ${CONTAINER}/env`,
      ],
    },
  },
  {
    name: 'kind-scoped ignore rule applies to that kind only (case-sensitive)',
    input: () =>
      driftInput({
        desired: [deploymentDesired(), serviceDesired()],
        live: {
          objects: [
            edit(deploymentLive(), o => (o.spec.replicas = 5)),
            edit(
              serviceLive(),
              o => (o.spec.selector['app.kubernetes.io/name'] = 'other'),
            ),
          ],
        },
        ignoreRules: [
          { kind: 'Deployment', pointer: '/spec/replicas' },
          { kind: 'service', pointer: '/spec/selector' },
        ],
      }),
    expected: {
      status: 'drifted',
      resources: [
        'Deployment/payments/payments-api in-sync',
        'Service/payments/payments-api drifted',
      ],
      differences: [
        'Service/payments-api /spec/selector/app.kubernetes.io~1name',
      ],
      ignored: [
        'Deployment/payments-api /spec/replicas ignore-rule Deployment:/spec/replicas',
      ],
    },
  },
  {
    name: 'name-scoped ignore rule applies to the named object only',
    input: () =>
      driftInput({
        desired: [
          deploymentDesired(),
          edit(deploymentDesired(), o => (o.metadata.name = 'payments-worker')),
        ],
        live: {
          objects: [
            edit(deploymentLive(), o => (o.spec.replicas = 5)),
            edit(deploymentLive(), o => {
              o.metadata.name = 'payments-worker';
              o.spec.replicas = 5;
            }),
          ],
        },
        ignoreRules: [
          {
            kind: 'Deployment',
            name: 'payments-api',
            pointer: '/spec/replicas',
          },
        ],
      }),
    expected: {
      status: 'drifted',
      resources: [
        'Deployment/payments/payments-api in-sync',
        'Deployment/payments/payments-worker drifted',
      ],
      differences: ['Deployment/payments-worker /spec/replicas'],
      ignored: [
        'Deployment/payments-api /spec/replicas ignore-rule Deployment/payments-api:/spec/replicas',
      ],
    },
  },
  {
    name: 'ignore rule below a missing object field still applies (difference split)',
    input: () =>
      driftInput({
        desired: [
          edit(deploymentDesired(), o => {
            o.spec.template.spec.containers[0].securityContext = {
              runAsNonRoot: true,
              readOnlyRootFilesystem: true,
            };
          }),
        ],
        live: { objects: [deploymentLive()] },
        ignoreRules: [
          { pointer: `${CONTAINER}/securityContext/readOnlyRootFilesystem` },
        ],
      }),
    expected: {
      status: 'drifted',
      differences: [
        `Deployment/payments-api ${CONTAINER}/securityContext/runAsNonRoot`,
      ],
      ignored: [
        `Deployment/payments-api ${CONTAINER}/securityContext/readOnlyRootFilesystem ignore-rule ${CONTAINER}/securityContext/readOnlyRootFilesystem`,
      ],
    },
  },
  {
    name: 'Secret written with stringData is in sync with base64 data live',
    input: () =>
      driftInput({
        desired: [secretDesired()],
        live: { objects: [secretLive()] },
      }),
    expected: {
      status: 'in-sync',
      resources: ['Secret/checkout/checkout-web-stripe in-sync'],
      differences: [],
    },
  },
  {
    name: 'Secret value changed live is drift, masked',
    input: () =>
      driftInput({
        desired: [secretDesired()],
        live: {
          objects: [
            edit(
              secretLive(),
              o => (o.data['webhook-secret'] = b64(CANARY.secretLive)),
            ),
          ],
        },
      }),
    expected: {
      status: 'drifted',
      differences: [
        'Secret/checkout-web-stripe /stringData/webhook-secret [masked]',
      ],
    },
  },
  {
    name: 'children with ownerReferences never count, Endpoints never extra',
    input: () =>
      driftInput({
        desired: [deploymentDesired(), serviceDesired()],
        live: {
          objects: [
            deploymentLive(),
            serviceLive(),
            replicaSetChild(),
            endpointsLive(),
          ],
        },
      }),
    expected: {
      status: 'in-sync',
      resources: [
        'Deployment/payments/payments-api in-sync',
        'Service/payments/payments-api in-sync',
      ],
    },
  },
  {
    name: 'declarative: a live object absent from Git is extra',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: { objects: [deploymentLive(), configMapLive()] },
      }),
    expected: {
      status: 'drifted',
      resources: [
        'ConfigMap/payments/debug-toolbox extra',
        'Deployment/payments/payments-api in-sync',
      ],
    },
  },
  {
    name: 'operator: live objects absent from Git are never extra',
    input: () =>
      driftInput({
        track: 'operator',
        desired: [deploymentDesired()],
        live: { objects: [deploymentLive(), configMapLive()] },
      }),
    expected: {
      status: 'in-sync',
      resources: ['Deployment/payments/payments-api in-sync'],
    },
  },
  {
    name: 'operator: CloudNativePG Cluster with operator-written spec, extra roles and status is in sync',
    input: () =>
      driftInput({
        track: 'operator',
        desired: [cnpgClusterDesired()],
        live: { objects: [cnpgClusterLive()] },
      }),
    expected: {
      status: 'in-sync',
      resources: ['Cluster/payments/payments-db in-sync'],
      differences: [],
    },
  },
  {
    name: 'declarative: the same Cluster counts the extra list entry the operator added',
    input: () =>
      driftInput({
        desired: [cnpgClusterDesired()],
        live: { objects: [cnpgClusterLive()] },
      }),
    expected: {
      status: 'drifted',
      differences: ['Cluster/payments-db /spec/managed/roles/-'],
    },
  },
  {
    name: 'operator: a declared CR field changed live is drift',
    input: () =>
      driftInput({
        track: 'operator',
        desired: [cnpgClusterDesired()],
        live: {
          objects: [edit(cnpgClusterLive(), o => (o.spec.instances = 1))],
        },
      }),
    expected: {
      status: 'drifted',
      differences: ['Cluster/payments-db /spec/instances'],
    },
  },
  {
    name: 'operator: Strimzi KafkaTopic with operator-written config and status is in sync',
    input: () =>
      driftInput({
        track: 'operator',
        desired: [kafkaTopicDesired()],
        live: { objects: [kafkaTopicLive()] },
      }),
    expected: {
      status: 'in-sync',
      resources: ['KafkaTopic/kafka/payments.events in-sync'],
    },
  },
  {
    name: 'operator: KafkaTopic partitions changed live is drift',
    input: () =>
      driftInput({
        track: 'operator',
        desired: [kafkaTopicDesired()],
        live: {
          objects: [edit(kafkaTopicLive(), o => (o.spec.partitions = 24))],
        },
      }),
    expected: {
      status: 'drifted',
      differences: ['KafkaTopic/payments.events /spec/partitions'],
    },
  },
  {
    name: 'declarative: desired object absent live is missing',
    input: () =>
      driftInput({
        desired: [deploymentDesired(), serviceDesired()],
        live: { objects: [serviceLive()] },
      }),
    expected: {
      status: 'drifted',
      resources: [
        'Deployment/payments/payments-api missing',
        'Service/payments/payments-api in-sync',
      ],
    },
  },
  {
    name: 'operator: desired CR absent live is missing',
    input: () =>
      driftInput({
        track: 'operator',
        desired: [cnpgClusterDesired()],
        live: { objects: [] },
      }),
    expected: {
      status: 'drifted',
      resources: ['Cluster/payments/payments-db missing'],
    },
  },
  {
    name: 'desired without namespace takes the default namespace',
    input: () =>
      driftInput({
        desired: [edit(deploymentDesired(), o => delete o.metadata.namespace)],
        live: {
          objects: [
            deploymentLive(),
            edit(deploymentLive(), o => (o.metadata.namespace = 'staging')),
          ],
        },
        defaultNamespace: 'payments',
      }),
    expected: {
      status: 'drifted',
      resources: [
        'Deployment/payments/payments-api in-sync',
        'Deployment/staging/payments-api extra',
      ],
    },
  },
  {
    name: 'desired without namespace and no default matches by group, kind and name',
    input: () =>
      driftInput({
        desired: [edit(deploymentDesired(), o => delete o.metadata.namespace)],
        live: { objects: [deploymentLive()] },
      }),
    expected: {
      status: 'in-sync',
      resources: ['Deployment/payments/payments-api in-sync'],
    },
  },
  {
    name: 'default namespace that differs from live: missing + extra',
    input: () =>
      driftInput({
        desired: [edit(deploymentDesired(), o => delete o.metadata.namespace)],
        live: { objects: [deploymentLive()] },
        defaultNamespace: 'payments-staging',
      }),
    expected: {
      status: 'drifted',
      resources: [
        'Deployment/payments/payments-api extra',
        'Deployment/payments-staging/payments-api missing',
      ],
    },
  },
  {
    name: 'versions of the same group match (apps/v1beta2 desired, apps/v1 live)',
    input: () =>
      driftInput({
        desired: [
          edit(deploymentDesired(), o => (o.apiVersion = 'apps/v1beta2')),
        ],
        live: { objects: [deploymentLive()] },
      }),
    expected: {
      status: 'in-sync',
      resources: ['Deployment/payments/payments-api in-sync'],
    },
  },
  {
    name: 'same kind and name in another group is another object',
    input: () =>
      driftInput({
        track: 'operator',
        desired: [cnpgClusterDesired()],
        live: {
          objects: [
            edit(
              cnpgClusterLive(),
              o => (o.apiVersion = 'other.example.com/v1'),
            ),
          ],
        },
      }),
    expected: {
      status: 'drifted',
      resources: ['Cluster/payments/payments-db missing'],
    },
  },
  {
    name: 'imperative track reports no Kubernetes drift',
    input: () =>
      driftInput({
        track: 'imperative',
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(deploymentLive(), o => (o.spec.replicas = 9)),
            configMapLive(),
          ],
        },
      }),
    expected: { status: 'in-sync', resources: [], differences: [] },
  },
];

describe('computeDrift (Kubernetes corpus)', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(summarize(computeDrift(input()))).toMatchObject(expected);
  });
});

describe('computeDrift details', () => {
  it('reports desired and live values of a plain difference', () => {
    const result = computeDrift(
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(
              deploymentLive(),
              o => (o.spec.template.spec.containers[0].image = 'evil:latest'),
            ),
          ],
        },
      }),
    );
    expect(result.resources[0].differences).toEqual([
      {
        path: `${CONTAINER}/image`,
        desired: 'registry.example.com/payments/payments-api:2.14.1',
        live: 'evil:latest',
      },
    ]);
  });

  it('reports an extra env entry with desired undefined and live the entry', () => {
    const result = computeDrift(
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(deploymentLive(), o =>
              o.spec.template.spec.containers[0].env.push({
                name: 'DEBUG',
                value: 'true',
              }),
            ),
          ],
        },
      }),
    );
    const [difference] = result.resources[0].differences;
    expect(difference).toEqual({
      path: `${CONTAINER}/env/-`,
      live: { name: 'DEBUG', value: 'true' },
    });
    expect('desired' in difference).toBe(false);
  });

  it('masks a changed Secret value on both sides', () => {
    const result = computeDrift(
      driftInput({
        desired: [secretDesired()],
        live: {
          objects: [
            edit(secretLive(), o => (o.data['session-secret'] = b64('other'))),
          ],
        },
      }),
    );
    expect(result.resources[0].differences).toEqual([
      {
        path: '/data/session-secret',
        desired: MASKED_VALUE,
        live: MASKED_VALUE,
        masked: true,
      },
    ]);
  });

  it('a Secret key declared in Git and absent live is drift, masked', () => {
    const result = computeDrift(
      driftInput({
        desired: [secretDesired()],
        live: {
          objects: [edit(secretLive(), o => delete o.data['webhook-secret'])],
        },
      }),
    );
    expect(result.resources[0].differences).toEqual([
      {
        path: '/stringData/webhook-secret',
        desired: MASKED_VALUE,
        masked: true,
      },
    ]);
  });

  it('sorts resources by kind, namespace and name whatever the input order', () => {
    const result = computeDrift(
      driftInput({
        desired: [serviceDesired(), hpaDesired(), deploymentDesired()],
        live: {
          objects: [
            configMapLive('zz'),
            configMapLive('aa'),
            serviceLive(),
            deploymentLive(),
            hpaLive(),
          ],
        },
      }),
    );
    expect(result.resources.map(r => `${r.kind}/${r.name}`)).toEqual([
      'ConfigMap/aa',
      'ConfigMap/zz',
      'Deployment/payments-api',
      'HorizontalPodAutoscaler/payments-api',
      'Service/payments-api',
    ]);
  });

  it('is deterministic and does not mutate its input', () => {
    const input = driftInput({
      desired: [deploymentDesired(), secretDesired()],
      live: {
        objects: [
          edit(deploymentLive(), o => (o.spec.replicas = 1)),
          secretLive(),
          configMapLive(),
        ],
      },
    });
    const snapshot = JSON.stringify(input);
    const first = computeDrift(input);
    expect(JSON.stringify(input)).toBe(snapshot);
    expect(computeDrift(input)).toEqual(first);
  });

  it('never throws on malformed input', () => {
    const bad = {
      track: 'nonsense',
      desired: [
        null,
        42,
        { kind: 'Deployment' },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} },
      ],
      live: { objects: 'not a list', terraformPlan: 'x', migrations: 3 },
      ignoreRules: [null, { pointer: 7 }, { pointer: 'no-slash' }],
      gitopsFieldManagers: undefined,
    } as unknown as DriftInput;
    expect(computeDrift(bad)).toEqual({
      status: 'in-sync',
      resources: [],
      pairs: [],
    });
    expect(computeDrift({ ...bad, track: 'imperative' })).toEqual({
      status: 'in-sync',
      resources: [],
      pending: {},
      pairs: [],
    });
  });

  it('expands kind: List wrappers', () => {
    const result = computeDrift(
      driftInput({
        desired: [
          {
            apiVersion: 'v1',
            kind: 'List',
            metadata: { name: 'list' },
            items: [serviceDesired()],
          } as any,
        ],
        live: {
          objects: [
            {
              apiVersion: 'v1',
              kind: 'ServiceList',
              items: [serviceLive()],
            } as any,
          ],
        },
      }),
    );
    expect(summarize(result).resources).toEqual([
      'Service/payments/payments-api in-sync',
    ]);
  });
});
