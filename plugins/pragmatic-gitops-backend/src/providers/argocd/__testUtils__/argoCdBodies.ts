/**
 * Response bodies of the two Argo CD endpoints the provider reads, built
 * from Kubernetes objects, for the provider's tests and the benchmark.
 */
import { KubeObject } from '../../../engine/types';

/** One managed resource: its desired (Git) and live sides, as Argo CD compares them. */
export type ManagedResource = {
  target?: KubeObject;
  live?: KubeObject;
  /** Argo CD's normalised live object, sent next to `liveState`. */
  normalizedLive?: KubeObject;
  /** Sync status in the application's `status.resources`. */
  status?: string;
  /** Health status in the application's `status.resources`. */
  health?: string;
};

export type ApplicationStatus = {
  sync: string;
  revision: string;
  health: string;
  operation: string;
};

function identity({ target, live }: ManagedResource) {
  const object = (target ?? live)!;
  const [group, version] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : [undefined, object.apiVersion];
  return {
    ...(group ? { group } : {}),
    version,
    kind: object.kind,
    namespace: object.metadata.namespace,
    name: object.metadata.name,
  };
}

/** `GET /api/v1/applications/{name}`: metadata and the status the provider reads. */
export function applicationBody(
  appName: string,
  status: ApplicationStatus,
  resources: ManagedResource[],
) {
  return {
    metadata: { name: appName, namespace: 'argocd' },
    spec: { project: 'default' },
    status: {
      sync: { status: status.sync, revision: status.revision },
      health: { status: status.health },
      operationState: { phase: status.operation },
      resources: resources.map(resource => ({
        ...identity(resource),
        status: resource.status,
        ...(resource.health ? { health: { status: resource.health } } : {}),
      })),
    },
  };
}

/**
 * `GET /api/v1/applications/{name}/managed-resources`: each side as a JSON
 * string, a missing side as the string "null" (as Argo CD sends them).
 */
export function managedResourcesBody(resources: ManagedResource[]) {
  return {
    items: resources.map(resource => {
      const { version: _version, ...item } = identity(resource);
      return {
        ...item,
        targetState: JSON.stringify(resource.target ?? null),
        liveState: JSON.stringify(resource.live ?? null),
        ...(resource.normalizedLive
          ? { normalizedLiveState: JSON.stringify(resource.normalizedLive) }
          : {}),
      };
    }),
  };
}
