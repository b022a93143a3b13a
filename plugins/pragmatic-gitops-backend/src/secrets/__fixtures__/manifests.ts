import { Entity } from '@backstage/catalog-model';
import { KubeObject } from '../../engine/types';

/** Realistic manifests of the kinds secret references are found in. */

export function component(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments', namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  };
}

export function obj(
  apiVersion: string,
  kind: string,
  name: string,
  rest: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion,
    kind,
    metadata: { name, namespace: 'payments' },
    ...rest,
  };
}

export const ESO_V1 = 'external-secrets.io/v1';
export const ESO_V1BETA1 = 'external-secrets.io/v1beta1';
export const CSI_V1 = 'secrets-store.csi.x-k8s.io/v1';

export function secretStore(
  name: string,
  provider: Record<string, unknown>,
  kind: 'SecretStore' | 'ClusterSecretStore' = 'SecretStore',
  apiVersion = ESO_V1BETA1,
): KubeObject {
  return obj(apiVersion, kind, name, { spec: { provider } });
}

export const vaultProvider = {
  vault: {
    server: 'https://vault.example.com:8200',
    path: 'secret',
    version: 'v2',
    auth: { kubernetes: { mountPath: 'kubernetes', role: 'payments' } },
  },
};

export function externalSecret(
  name: string,
  spec: Record<string, unknown>,
  apiVersion = ESO_V1BETA1,
): KubeObject {
  return obj(apiVersion, 'ExternalSecret', name, {
    spec: { refreshInterval: '1h', ...spec },
  });
}

export function secretProviderClass(
  name: string,
  provider: string,
  parameters: Record<string, unknown>,
  secretObjects?: unknown[],
  apiVersion = CSI_V1,
): KubeObject {
  return obj(apiVersion, 'SecretProviderClass', name, {
    spec: { provider, parameters, ...(secretObjects ? { secretObjects } : {}) },
  });
}

export type PodSpec = Record<string, unknown>;

export function podTemplate(
  spec: PodSpec,
  annotations?: Record<string, string>,
) {
  return {
    metadata: {
      labels: { app: 'api' },
      ...(annotations ? { annotations } : {}),
    },
    spec,
  };
}

/** A workload of any kind with the given pod spec, its template where the kind keeps it. */
export function workload(
  kind: string,
  name: string,
  spec: PodSpec,
  annotations?: Record<string, string>,
): KubeObject {
  const template = podTemplate(spec, annotations);
  switch (kind) {
    case 'Pod':
      return {
        apiVersion: 'v1',
        kind,
        metadata: {
          name,
          namespace: 'payments',
          ...(annotations ? { annotations } : {}),
        },
        spec,
      };
    case 'CronJob':
      return obj('batch/v1', kind, name, {
        spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template } } },
      });
    case 'Job':
      return obj('batch/v1', kind, name, { spec: { template } });
    default:
      return obj('apps/v1', kind, name, {
        spec: { selector: { matchLabels: { app: 'api' } }, template },
      });
  }
}

export function container(name: string, rest: Record<string, unknown> = {}) {
  return { name, image: `registry.example.com/${name}:1.2.3`, ...rest };
}

export function secretKeyRefEnv(envName: string, secret: string, key: string) {
  return { name: envName, valueFrom: { secretKeyRef: { name: secret, key } } };
}

export function plaintextSecret(
  name: string,
  data: Record<string, string> = {},
  stringData?: Record<string, string>,
): KubeObject {
  return obj('v1', 'Secret', name, {
    type: 'Opaque',
    data,
    ...(stringData ? { stringData } : {}),
  });
}

export function sealedSecret(
  name: string,
  encryptedData: Record<string, string>,
  templateName?: string,
): KubeObject {
  return obj('bitnami.com/v1alpha1', 'SealedSecret', name, {
    spec: {
      encryptedData,
      ...(templateName
        ? { template: { metadata: { name: templateName } } }
        : {}),
    },
  });
}
