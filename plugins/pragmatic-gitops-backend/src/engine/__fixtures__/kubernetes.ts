/**
 * Realistic desired (Git) and live (API server) objects for the engine
 * tests. Every builder returns a fresh object, so cases can mutate freely.
 */
import { KubeObject } from '../types';

/** Canary strings: none of them may ever appear in a DriftResult. */
export const CANARY = {
  secretData: 'canary-secret-data-c4n4ry1',
  secretLive: 'canary-secret-live-c4n4ry2',
  envDesired: 'canary-env-desired-c4n4ry3',
  envLive: 'canary-env-live-c4n4ry4',
  extraEnv: 'canary-extra-env-c4n4ry5',
  removedEnv: 'canary-removed-env-c4n4ry6',
  sealed: 'canary-sealed-c4n4ry7',
  terraform: 'canary-terraform-c4n4ry8',
  lastApplied: 'canary-last-applied-c4n4ry9',
  configMap: 'canary-configmap-c4n4ry10',
};

export const b64 = (text: string) =>
  Buffer.from(text, 'utf8').toString('base64');

export function deploymentDesired(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'payments-api',
      namespace: 'payments',
      labels: {
        'app.kubernetes.io/name': 'payments-api',
        'backstage.io/kubernetes-id': 'payments-api',
      },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'payments-api' } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'payments-api' } },
        spec: {
          serviceAccountName: 'payments-api',
          containers: [
            {
              name: 'api',
              image: 'registry.example.com/payments/payments-api:2.14.1',
              ports: [
                { name: 'http', containerPort: 8080 },
                { name: 'metrics', containerPort: 9090 },
              ],
              env: [
                { name: 'LOG_LEVEL', value: 'info' },
                { name: 'HTTP_PORT', value: '8080' },
                {
                  name: 'DATABASE_PASSWORD',
                  valueFrom: {
                    secretKeyRef: { name: 'payments-db-app', key: 'password' },
                  },
                },
              ],
              envFrom: [{ configMapRef: { name: 'payments-api-config' } }],
              resources: {
                limits: { cpu: 1, memory: '1Gi' },
                requests: { cpu: '0.5', memory: '512Mi' },
              },
              volumeMounts: [
                { name: 'config', mountPath: '/etc/payments' },
                { name: 'tmp', mountPath: '/tmp' },
              ],
            },
          ],
          volumes: [
            { name: 'config', configMap: { name: 'payments-api-config' } },
            { name: 'tmp', emptyDir: {} },
          ],
        },
      },
    },
  };
}

/** What the API server returns for deploymentDesired(): server defaults, other spellings, status. */
export function deploymentLive(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'payments-api',
      namespace: 'payments',
      uid: '0b7e3d0c-8f0e-4f7a-9d55-3c1f0c2a9e11',
      resourceVersion: '48213377',
      generation: 41,
      creationTimestamp: '2025-03-04T10:12:37Z',
      selfLink: '/apis/apps/v1/namespaces/payments/deployments/payments-api',
      labels: {
        'app.kubernetes.io/name': 'payments-api',
        'backstage.io/kubernetes-id': 'payments-api',
      },
      annotations: {
        'deployment.kubernetes.io/revision': '41',
        'argocd.argoproj.io/tracking-id':
          'payments-api:apps/Deployment:payments/payments-api',
      },
      managedFields: [
        {
          manager: 'kube-controller-manager',
          operation: 'Update',
          apiVersion: 'apps/v1',
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:status': { 'f:replicas': {} } },
        },
      ],
    },
    spec: {
      replicas: 3,
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'payments-api' } },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      template: {
        metadata: {
          creationTimestamp: null,
          labels: { 'app.kubernetes.io/name': 'payments-api' },
        },
        spec: {
          serviceAccountName: 'payments-api',
          serviceAccount: 'payments-api',
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
          containers: [
            {
              name: 'api',
              image: 'registry.example.com/payments/payments-api:2.14.1',
              imagePullPolicy: 'IfNotPresent',
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              ports: [
                { name: 'http', containerPort: 8080, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
              ],
              env: [
                { name: 'LOG_LEVEL', value: 'info' },
                { name: 'HTTP_PORT', value: '8080' },
                {
                  name: 'DATABASE_PASSWORD',
                  valueFrom: {
                    secretKeyRef: { name: 'payments-db-app', key: 'password' },
                  },
                },
              ],
              envFrom: [{ configMapRef: { name: 'payments-api-config' } }],
              resources: {
                limits: { cpu: '1000m', memory: '1024Mi' },
                requests: { cpu: '500m', memory: '0.5Gi' },
              },
              volumeMounts: [
                { name: 'config', mountPath: '/etc/payments' },
                { name: 'tmp', mountPath: '/tmp' },
              ],
            },
          ],
          volumes: [
            {
              name: 'config',
              configMap: { name: 'payments-api-config', defaultMode: 420 },
            },
            { name: 'tmp', emptyDir: {} },
          ],
        },
      },
    },
    status: {
      availableReplicas: 3,
      readyReplicas: 3,
      replicas: 3,
      observedGeneration: 41,
      conditions: [{ type: 'Available', status: 'True' }],
    },
  };
}

export function serviceDesired(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'payments-api', namespace: 'payments' },
    spec: {
      selector: { 'app.kubernetes.io/name': 'payments-api' },
      ports: [
        { port: 80, targetPort: 8080 },
        { port: 9090, targetPort: 9090 },
      ],
    },
  };
}

export function serviceLive(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'payments-api',
      namespace: 'payments',
      uid: '5c2b1f9e-2d7a-4c0b-8a4e-1f2b3c4d5e6f',
      resourceVersion: '48210080',
      creationTimestamp: '2025-03-04T10:12:37Z',
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.100.42.17',
      clusterIPs: ['10.100.42.17'],
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      selector: { 'app.kubernetes.io/name': 'payments-api' },
      // The API server returns them in another order, with protocol defaulted.
      ports: [
        { port: 9090, protocol: 'TCP', targetPort: 9090 },
        { port: 80, protocol: 'TCP', targetPort: 8080 },
      ],
    },
    status: { loadBalancer: {} },
  };
}

export function hpaDesired(apiVersion = 'autoscaling/v2'): KubeObject {
  return {
    apiVersion,
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'payments-api', namespace: 'payments' },
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'payments-api',
      },
      minReplicas: 3,
      maxReplicas: 12,
    },
  };
}

export function hpaLive(apiVersion = 'autoscaling/v2'): KubeObject {
  return {
    ...hpaDesired(apiVersion),
    metadata: {
      name: 'payments-api',
      namespace: 'payments',
      uid: 'a1',
      resourceVersion: '1',
    },
    status: { currentReplicas: 7, desiredReplicas: 7 },
  };
}

export function secretDesired(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'checkout-web-stripe', namespace: 'checkout' },
    type: 'Opaque',
    stringData: { 'webhook-secret': CANARY.secretData },
    data: { 'session-secret': b64('session-value') },
  };
}

export function secretLive(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'checkout-web-stripe',
      namespace: 'checkout',
      uid: 's1',
      resourceVersion: '77',
      creationTimestamp: '2025-01-20T15:40:02Z',
    },
    type: 'Opaque',
    data: {
      'webhook-secret': b64(CANARY.secretData),
      'session-secret': b64('session-value'),
    },
  };
}

/** CloudNativePG Cluster as written in Git. */
export function cnpgClusterDesired(): KubeObject {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: 'payments-db', namespace: 'payments' },
    spec: {
      instances: 3,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:16.4',
      storage: { size: '20Gi', storageClass: 'gp3' },
      postgresql: {
        parameters: { max_connections: '200', shared_buffers: '512MB' },
      },
      managed: {
        roles: [{ name: 'reporting', ensure: 'present', login: true }],
      },
      resources: {
        requests: { cpu: '500m', memory: '1Gi' },
        limits: { memory: '1Gi' },
      },
    },
  };
}

/** The same Cluster live: the operator filled defaults, added roles and status. */
export function cnpgClusterLive(): KubeObject {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: {
      name: 'payments-db',
      namespace: 'payments',
      uid: 'c1',
      generation: 4,
      resourceVersion: '9',
      managedFields: [
        {
          manager: 'kustomize-controller',
          operation: 'Apply',
          fieldsType: 'FieldsV1',
          fieldsV1: {
            'f:spec': {
              'f:instances': {},
              'f:imageName': {},
              'f:storage': { 'f:size': {}, 'f:storageClass': {} },
              'f:postgresql': {
                'f:parameters': {
                  'f:max_connections': {},
                  'f:shared_buffers': {},
                },
              },
            },
          },
        },
        {
          manager: 'manager',
          operation: 'Update',
          fieldsType: 'FieldsV1',
          fieldsV1: {
            'f:spec': {
              'f:postgresql': {
                'f:parameters': { 'f:archive_mode': {}, 'f:wal_level': {} },
              },
              'f:bootstrap': {
                'f:initdb': { 'f:database': {}, 'f:owner': {} },
              },
            },
          },
        },
      ],
    },
    spec: {
      instances: 3,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:16.4',
      storage: { size: '20Gi', storageClass: 'gp3', resizeInUseVolumes: true },
      postgresql: {
        parameters: {
          max_connections: '200',
          shared_buffers: '512MB',
          archive_mode: 'on',
          wal_level: 'logical',
        },
      },
      managed: {
        roles: [
          {
            name: 'reporting',
            ensure: 'present',
            login: true,
            inherit: true,
            connectionLimit: -1,
          },
          {
            name: 'streaming_replica',
            ensure: 'present',
            login: true,
            replication: true,
          },
        ],
      },
      bootstrap: { initdb: { database: 'app', owner: 'app' } },
      resources: {
        requests: { cpu: '0.5', memory: '1024Mi' },
        limits: { memory: '1Gi' },
      },
      primaryUpdateStrategy: 'unsupervised',
      enableSuperuserAccess: false,
    },
    status: {
      phase: 'Cluster in healthy state',
      readyInstances: 3,
      currentPrimary: 'payments-db-1',
    },
  };
}

export function kafkaTopicDesired(): KubeObject {
  return {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaTopic',
    metadata: {
      name: 'payments.events',
      namespace: 'kafka',
      labels: { 'strimzi.io/cluster': 'events' },
    },
    spec: {
      partitions: 12,
      replicas: 3,
      config: { 'retention.ms': 604800000, 'cleanup.policy': 'delete' },
    },
  };
}

export function kafkaTopicLive(): KubeObject {
  return {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaTopic',
    metadata: {
      name: 'payments.events',
      namespace: 'kafka',
      labels: { 'strimzi.io/cluster': 'events' },
      finalizers: ['strimzi.io/topic-operator'],
      generation: 2,
    },
    spec: {
      partitions: 12,
      replicas: 3,
      topicName: 'payments.events',
      config: {
        'retention.ms': '604800000',
        'cleanup.policy': 'delete',
        'min.insync.replicas': '2',
      },
    },
    status: { conditions: [{ type: 'Ready', status: 'True' }], topicId: 'Xz1' },
  };
}

/** A ReplicaSet the Deployment created: a child, never extra. */
export function replicaSetChild(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'payments-api-7b5w4h6x86',
      namespace: 'payments',
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'payments-api',
          uid: 'x',
        },
      ],
    },
    spec: { replicas: 3 },
  };
}

export function endpointsLive(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'payments-api', namespace: 'payments' },
    subsets: [
      {
        addresses: [{ ip: '10.0.1.12' }],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ],
  };
}

export function configMapLive(name = 'debug-toolbox'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'payments', uid: 'cm1' },
    data: { 'script.sh': 'echo hi' },
  };
}
