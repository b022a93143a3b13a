/**
 * Matching desired objects to live ones by identity: API group (not
 * version), kind, namespace and name. Live objects are indexed once, so
 * matching is linear in the number of objects.
 */
import { KubeObject } from './types';
import { groupOf, namespaceOf } from './normalize';
import { ownEntry } from './values';

/** Kinds that moved between groups: the old group names the same object. */
const GROUP_ALIASES: Record<string, Record<string, string>> = {
  extensions: {
    Deployment: 'apps',
    DaemonSet: 'apps',
    ReplicaSet: 'apps',
    Ingress: 'networking.k8s.io',
    NetworkPolicy: 'networking.k8s.io',
    PodSecurityPolicy: 'policy',
  },
  'events.k8s.io': { Event: '' },
};

/** Kinds that have no namespace: the default namespace never applies to them. */
const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'CSIDriver',
  'VolumeSnapshotClass',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ClusterIssuer',
  'ClusterSecretStore',
  'ClusterExternalSecret',
]);

export function canonicalGroup(apiVersion: string, kind: string): string {
  const group = groupOf(apiVersion);
  const aliases = ownEntry(GROUP_ALIASES, group);
  return (aliases && ownEntry(aliases, kind)) ?? group;
}

/** The namespace a desired object lands in, or undefined when unknown. */
export function effectiveNamespace(
  object: KubeObject,
  defaultNamespace: string | undefined,
): string | undefined {
  const namespace = namespaceOf(object);
  if (namespace !== undefined) {
    return namespace;
  }
  return CLUSTER_SCOPED_KINDS.has(object.kind)
    ? undefined
    : defaultNamespace || undefined;
}

export type ResourceMatch = {
  desired: KubeObject;
  live?: KubeObject;
  /** Namespace reported for the resource. */
  namespace?: string;
};

export type MatchResult = {
  matches: ResourceMatch[];
  unmatchedLive: KubeObject[];
};

function push(index: Map<string, number[]>, key: string, value: number) {
  const list = index.get(key);
  if (list) {
    list.push(value);
  } else {
    index.set(key, [value]);
  }
}

/** Pairs each desired object with its live counterpart (if any). */
export function matchResources(
  desired: readonly KubeObject[],
  live: readonly KubeObject[],
  defaultNamespace: string | undefined,
): MatchResult {
  const exact = new Map<string, number[]>();
  const anyNamespace = new Map<string, number[]>();
  for (let i = 0; i < live.length; i++) {
    const object = live[i];
    const base = `${canonicalGroup(object.apiVersion, object.kind)}|${
      object.kind
    }`;
    push(
      exact,
      `${base}|${namespaceOf(object) ?? ''}|${object.metadata.name}`,
      i,
    );
    push(anyNamespace, `${base}|${object.metadata.name}`, i);
  }
  const used = new Uint8Array(live.length);
  const pick = (candidates: number[] | undefined): number | undefined => {
    if (!candidates || candidates.length === 0) {
      return undefined;
    }
    for (const candidate of candidates) {
      if (!used[candidate]) {
        return candidate;
      }
    }
    return candidates[0];
  };

  const matches: ResourceMatch[] = [];
  for (const object of desired) {
    const base = `${canonicalGroup(object.apiVersion, object.kind)}|${
      object.kind
    }`;
    const namespace = effectiveNamespace(object, defaultNamespace);
    let found: number | undefined;
    if (namespace !== undefined) {
      found =
        pick(exact.get(`${base}|${namespace}|${object.metadata.name}`)) ??
        pick(exact.get(`${base}||${object.metadata.name}`));
    } else {
      found =
        pick(exact.get(`${base}||${object.metadata.name}`)) ??
        pick(anyNamespace.get(`${base}|${object.metadata.name}`));
    }
    if (found === undefined) {
      matches.push({ desired: object, namespace });
      continue;
    }
    used[found] = 1;
    const liveObject = live[found];
    matches.push({
      desired: object,
      live: liveObject,
      namespace: namespace ?? namespaceOf(liveObject),
    });
  }
  const unmatchedLive = live.filter((_object, i) => !used[i]);
  return { matches, unmatchedLive };
}
