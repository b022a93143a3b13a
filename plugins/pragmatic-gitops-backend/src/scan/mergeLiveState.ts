/**
 * Merging what several live-state providers observed of one entity: Argo
 * CD for its Kubernetes objects, a CI job pushing its Terraform plan, the
 * Kubernetes provider for the rest. For the same object (group, kind,
 * namespace, name) the newest observation wins; every object remembers the
 * source it came from, so the status can say so per resource.
 */
import {
  KubeObject,
  LiveObservation,
  LiveStateResult,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { Finding } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { canonicalGroup } from '../engine/matchResources';

export type MergedLiveState = LiveObservation & {
  /** Every source that contributed, in the order the providers answered. */
  sources: string[];
  /** `resourceKey` of each live object → its source. */
  objectSources: Map<string, string>;
  /** Source of the Terraform plan. */
  terraformSource?: string;
  /** The pipeline run that pushed the Terraform plan, when it said so. */
  terraformRunUrl?: string;
};

export type MergeOutcome =
  | { type: 'observed'; live: MergedLiveState }
  | { type: 'unknown'; reason: string; findings: Finding[] }
  | { type: 'none' };

type ResourceIdentity = {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
};

/** Identity of a resource across providers: API group (not version), kind, namespace, name. */
function resourceKey(resource: ResourceIdentity): string {
  return [
    canonicalGroup(resource.apiVersion, resource.kind),
    resource.kind,
    resource.namespace ?? '',
    resource.name,
  ].join('|');
}

function objectKey(object: KubeObject): string {
  return resourceKey({
    apiVersion: object.apiVersion,
    kind: object.kind,
    namespace: object.metadata?.namespace,
    name: object.metadata?.name,
  });
}

/** The source a drifted resource's live state came from, if any. */
export function sourceOf(
  live: MergedLiveState,
  resource: ResourceIdentity,
): string | undefined {
  return resource.apiVersion === 'terraform'
    ? live.terraformSource
    : live.objectSources.get(resourceKey(resource));
}

/**
 * One view of the entity's live state. Any provider that cannot tell makes
 * the entity unknown (its objects would otherwise show as missing); the
 * reasons of all of them are kept.
 */
export function mergeLiveState(results: LiveStateResult[]): MergeOutcome {
  const unknown = results.filter(
    (r): r is Extract<LiveStateResult, { type: 'unknown' }> =>
      r.type === 'unknown',
  );
  if (unknown.length > 0) {
    return {
      type: 'unknown',
      reason: unknown.map(r => r.reason).join('; '),
      findings: unknown.flatMap(r => r.findings ?? []),
    };
  }
  const observed = results.filter(
    (r): r is Extract<LiveStateResult, { type: 'observed' }> =>
      r.type === 'observed',
  );
  if (observed.length === 0) {
    return { type: 'none' };
  }
  // Oldest first, so that a newer observation overwrites an older one.
  const byAge = [...observed].sort(
    (a, b) => a.observedAt.getTime() - b.observedAt.getTime(),
  );
  const objects = new Map<string, KubeObject>();
  const objectSources = new Map<string, string>();
  let terraform: LiveObservation | undefined;
  let migrations: LiveObservation['migrations'];
  for (const observation of byAge) {
    for (const object of observation.objects ?? []) {
      const key = objectKey(object);
      objects.set(key, object);
      objectSources.set(key, observation.source);
    }
    if (observation.terraformPlan) {
      terraform = observation;
    }
    migrations = observation.migrations ?? migrations;
  }
  const newest = byAge[byAge.length - 1];
  const first = <K extends keyof LiveObservation>(key: K) =>
    observed.find(o => o[key] !== undefined)?.[key];
  return {
    type: 'observed',
    live: {
      source: observed.map(o => o.source).join(', '),
      sources: observed.map(o => o.source),
      observedAt: newest.observedAt,
      ...(observed.some(o => o.objects)
        ? { objects: [...objects.values()] }
        : {}),
      ...(terraform
        ? {
            terraformPlan: terraform.terraformPlan,
            terraformSource: terraform.source,
            ...(terraform.runUrl ? { terraformRunUrl: terraform.runUrl } : {}),
          }
        : {}),
      ...(migrations ? { migrations } : {}),
      ...(first('desiredObjects')
        ? { desiredObjects: first('desiredObjects') }
        : {}),
      ...(first('providerStatus')
        ? { providerStatus: first('providerStatus') }
        : {}),
      objectSources,
    },
  };
}
