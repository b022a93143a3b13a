/** Desired/live fixtures and a one-call "scan" (real engine) for the lifecycle tests. */
import {
  computeDrift,
  DEFAULT_GITOPS_FIELD_MANAGERS,
  KubeObject,
  LiveState,
  ResourceDrift,
} from '../../../engine';
import { Track } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { touchedStates } from '../touchedState';
import { HotfixChange, TouchedState } from '../types';

/** A value that must never appear in any output. */
export const CANARY = 'canary-7f3a91-do-not-leak';

export function deployment(
  options: {
    replicas?: number;
    memory?: string;
    namespace?: string;
    token?: string;
    live?: boolean;
    sidecar?: boolean;
  } = {},
): KubeObject {
  const app = {
    name: 'app',
    image: 'ghcr.io/acme/payments:1.4.2',
    env: [{ name: 'API_TOKEN', value: options.token ?? CANARY }],
    resources: { limits: { memory: options.memory ?? '512Mi' } },
  };
  const containers = options.sidecar
    ? [{ name: 'istio-proxy', image: 'istio/proxyv2:1.22' }, app]
    : [app];
  const object: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'payments',
      ...(options.namespace ? { namespace: options.namespace } : {}),
      labels: { app: 'payments' },
    },
    spec: {
      replicas: options.replicas ?? 2,
      selector: { matchLabels: { app: 'payments' } },
      template: {
        metadata: { labels: { app: 'payments' } },
        spec: { containers },
      },
    },
  };
  if (options.live) {
    Object.assign(object.metadata, {
      namespace: options.namespace ?? 'payments',
      uid: '9b1d2c3e',
      resourceVersion: '48213',
      generation: 7,
      creationTimestamp: '2024-05-01T10:00:00Z',
    });
    object.status = { replicas: options.replicas ?? 2, readyReplicas: 1 };
  }
  return object;
}

export function configMap(
  name: string,
  data: Record<string, string>,
  namespace?: string,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    data,
  };
}

export type Scan = {
  resources: ResourceDrift[];
  touched: TouchedState[];
};

/** Runs the engine and resolves the changes, as the scanner would. */
export function scan(
  changes: HotfixChange[],
  options: {
    desired: KubeObject[];
    live: LiveState;
    track?: Track;
    defaultNamespace?: string;
  },
): Scan {
  const defaultNamespace = options.defaultNamespace ?? 'payments';
  const result = computeDrift({
    track: options.track ?? 'declarative',
    desired: options.desired,
    live: options.live,
    defaultNamespace,
    ignoreRules: [],
    gitopsFieldManagers: DEFAULT_GITOPS_FIELD_MANAGERS,
  });
  return {
    resources: result.resources,
    touched: touchedStates(changes, {
      result,
      live: options.live,
      defaultNamespace,
    }),
  };
}
