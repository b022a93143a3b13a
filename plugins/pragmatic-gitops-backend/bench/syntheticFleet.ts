import { Entity } from '@backstage/catalog-model';
import { KubeObject } from '../src/engine/types';

/** Desired manifests of one synthetic service: `resources` objects of realistic size. */
export function desiredObjects(
  service: string,
  resources: number,
): KubeObject[] {
  const objects: KubeObject[] = [];
  for (let i = 0; objects.length < resources; i++) {
    const name = `${service}-${i}`;
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name,
        namespace: 'fleet',
        labels: { 'app.kubernetes.io/name': name },
      },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'app.kubernetes.io/name': name } },
        template: {
          metadata: { labels: { 'app.kubernetes.io/name': name } },
          spec: {
            containers: [
              {
                name: 'app',
                image: `registry.example.com/${service}:1.4.${i}`,
                ports: [{ containerPort: 8080, name: 'http' }],
                env: [
                  { name: 'LOG_LEVEL', value: 'info' },
                  { name: 'REGION', value: 'eu-west-1' },
                  {
                    name: 'DB_PASSWORD',
                    valueFrom: {
                      secretKeyRef: { name: `${name}-db`, key: 'password' },
                    },
                  },
                ],
                resources: {
                  requests: { cpu: '250m', memory: '256Mi' },
                  limits: { cpu: '1', memory: '512Mi' },
                },
                readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
              },
            ],
          },
        },
      },
    });
    if (objects.length < resources) {
      objects.push({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace: 'fleet' },
        spec: {
          selector: { 'app.kubernetes.io/name': name },
          ports: [{ port: 80, targetPort: 'http' }],
        },
      });
    }
  }
  return objects;
}

/** What the API server returns for a desired object: server metadata, defaults, status. */
export function liveObject(
  desired: KubeObject,
  index: number,
  drifted: boolean,
): KubeObject {
  const live = JSON.parse(JSON.stringify(desired)) as KubeObject &
    Record<string, any>;
  live.metadata = {
    ...live.metadata,
    uid: `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`,
    resourceVersion: String(1000 + index),
    generation: 3,
    creationTimestamp: '2026-11-01T10:00:00Z',
    managedFields: [
      {
        manager: 'argocd-controller',
        operation: 'Apply',
        fieldsType: 'FieldsV1',
        fieldsV1: {},
      },
    ],
  };
  if (live.kind === 'Deployment') {
    live.spec.revisionHistoryLimit = 10;
    live.spec.progressDeadlineSeconds = 600;
    live.spec.strategy = {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    };
    const container = live.spec.template.spec.containers[0];
    container.imagePullPolicy = 'IfNotPresent';
    container.terminationMessagePath = '/dev/termination-log';
    container.resources.limits.cpu = '1000m';
    container.resources.requests.memory = '0.25Gi';
    if (drifted) container.image = `${container.image}-hotfix`;
    live.status = { replicas: 2, readyReplicas: 2, observedGeneration: 3 };
  } else {
    live.spec.clusterIP = '10.0.0.1';
    live.spec.type = 'ClusterIP';
    live.spec.sessionAffinity = 'None';
    live.spec.ports[0].protocol = 'TCP';
  }
  return live;
}

export function fleetEntity(index: number): Entity {
  const name = `svc-${String(index).padStart(5, '0')}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'pragmatic-gitops.io/track':
          index % 3 === 0 ? 'operator' : 'declarative',
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `team-${index % 40}`,
    },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/team-${index % 40}` },
    ],
  };
}
