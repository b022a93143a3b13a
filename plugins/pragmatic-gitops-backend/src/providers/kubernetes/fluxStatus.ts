/**
 * A Flux Kustomization's or HelmRelease's view of the entity, shown beside
 * the computed drift as Argo CD's sync status is: the revision it last
 * applied, its Ready condition and message, and whether it is suspended (a
 * suspended controller is how people keep a hotfix applied by hand).
 */
import {
  KubeObject,
  ProviderStatus,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';

/** The Flux kinds read, by API group. */
export const FLUX_KINDS = [
  { group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization' },
  { group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease' },
] as const;

type Condition = { type?: unknown; status?: unknown; message?: unknown };

const READINESS: Record<string, string> = {
  True: 'Ready',
  False: 'Not ready',
  Unknown: 'Reconciling',
};

export function fluxProviderStatus(object: KubeObject): ProviderStatus {
  const status = (object.status ?? {}) as {
    lastAppliedRevision?: unknown;
    conditions?: Condition[];
  };
  const ready = Array.isArray(status.conditions)
    ? status.conditions.find(c => c?.type === 'Ready')
    : undefined;
  const suspended = (object.spec as { suspend?: unknown } | undefined)?.suspend;
  const text = (value: unknown) =>
    typeof value === 'string' && value !== '' ? value : undefined;
  const health = text(ready?.status);
  const revision = text(status.lastAppliedRevision);
  const message = text(ready?.message);
  return {
    health: health ? READINESS[health] ?? health : 'Unknown',
    ...(revision ? { revision } : {}),
    ...(message ? { message } : {}),
    ...(suspended === true ? { suspended: 'true' } : {}),
  };
}
