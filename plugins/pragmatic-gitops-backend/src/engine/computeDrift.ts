/**
 * The drift engine: desired objects (Git) + live state (provider) + ignore
 * rules → per-resource differences and an entity status. Pure: no I/O, no
 * clock, no randomness; the same input always gives the same result.
 */
import { Track } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  DEFAULT_GITOPS_FIELD_MANAGERS,
  DriftInput,
  DriftResult,
  KubeObject,
  MatchedPair,
  PendingChanges,
  ResourceDrift,
} from './types';
import { compareNormalised } from './compareFields';
import { withChangedBy } from './changedBy';
import { AutoscaledReplicas } from './hpaReplicas';
import {
  ActiveRule,
  applyIgnores,
  IgnoreRuleSet,
  ObjectIgnores,
} from './ignoreRules';
import { matchResources } from './matchResources';
import { notAppliedMigrations } from './migrations';
import {
  comparableObject,
  hasOwnerReferences,
  namespaceOf,
  validObjects,
} from './normalize';
import { terraformDriftResources, terraformPendingChanges } from './terraform';
import { ownerOf } from './threeWay';
import { isPlainObject } from './values';

/** Kinds the cluster creates by itself: never `extra`. */
const CLUSTER_CREATED_KINDS = new Set([
  'Endpoints',
  'EndpointSlice',
  'Event',
  'ControllerRevision',
  'Lease',
]);

/** Objects every namespace or tool gets without Git declaring them. */
function isClusterCreated(object: KubeObject): boolean {
  if (CLUSTER_CREATED_KINDS.has(object.kind)) {
    return true;
  }
  const name = object.metadata.name;
  if (
    object.kind === 'ConfigMap' &&
    (name === 'kube-root-ca.crt' || name === 'openshift-service-ca.crt')
  ) {
    return true;
  }
  if (object.kind === 'ServiceAccount' && name === 'default') {
    return true;
  }
  if (object.kind === 'Secret') {
    const type = object.type;
    return (
      type === 'kubernetes.io/service-account-token' ||
      (typeof type === 'string' && type.startsWith('helm.sh/release'))
    );
  }
  return false;
}

function normalizeTrack(track: unknown): Track {
  return track === 'operator' || track === 'imperative' ? track : 'declarative';
}

function compareText(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  if (x === y) {
    return 0;
  }
  return x < y ? -1 : 1;
}

/** Deterministic order: kind, namespace, name, then apiVersion. */
export function compareResources(a: ResourceDrift, b: ResourceDrift): number {
  return (
    compareText(a.kind, b.kind) ||
    compareText(a.namespace, b.namespace) ||
    compareText(a.name, b.name) ||
    compareText(a.apiVersion, b.apiVersion) ||
    compareText(a.status, b.status)
  );
}

function resource(
  object: KubeObject,
  namespace: string | undefined,
  status: ResourceDrift['status'],
  rest: Pick<ResourceDrift, 'differences' | 'ignored'> = {
    differences: [],
    ignored: [],
  },
): ResourceDrift {
  const drift: ResourceDrift = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
    status,
    ...rest,
  };
  if (namespace !== undefined) {
    drift.namespace = namespace;
  }
  return drift;
}

function kubernetesDrift(
  input: DriftInput,
  track: Track,
): { resources: ResourceDrift[]; pairs: MatchedPair[] } {
  const desired = validObjects(input.desired);
  const live = validObjects(input.live?.objects);
  const defaultNamespace =
    typeof input.defaultNamespace === 'string' && input.defaultNamespace !== ''
      ? input.defaultNamespace
      : undefined;
  const rules = new IgnoreRuleSet(input.ignoreRules);
  const autoscaled = new AutoscaledReplicas(desired, defaultNamespace);
  const managers = new Set(
    Array.isArray(input.gitopsFieldManagers)
      ? input.gitopsFieldManagers
      : DEFAULT_GITOPS_FIELD_MANAGERS,
  );
  const { matches, unmatchedLive } = matchResources(
    desired,
    live,
    defaultNamespace,
  );

  const resources: ResourceDrift[] = [];
  const pairs: MatchedPair[] = [];
  const pair = (
    object: KubeObject,
    namespace: string | undefined,
    fields: Pick<MatchedPair, 'desired' | 'live'>,
    drift?: ResourceDrift,
  ) => {
    pairs.push({
      kind: object.kind,
      name: object.metadata.name,
      ...(namespace !== undefined ? { namespace } : {}),
      ...fields,
      ...(drift ? { resource: drift } : {}),
    });
    if (drift) {
      resources.push(drift);
    }
  };
  for (const match of matches) {
    const desiredFields = comparableObject(match.desired);
    if (!match.live) {
      pair(
        match.desired,
        match.namespace,
        { desired: desiredFields },
        resource(match.desired, match.namespace, 'missing'),
      );
      continue;
    }
    const liveFields = comparableObject(match.live);
    const active: ActiveRule[] = rules.forObject(
      match.desired.kind,
      match.desired.metadata.name,
    );
    const hpa = autoscaled.ruleFor(match.desired, match.namespace);
    if (hpa) {
      active.push(hpa);
    }
    const ignores = new ObjectIgnores(active);
    const all = compareNormalised(
      match.desired.kind,
      desiredFields,
      liveFields,
      {
        countExtraListEntries: track === 'declarative',
        owner: ownerOf(match.live, managers),
        ignores,
      },
    );
    const counted = applyIgnores(all, ignores);
    const differences = withChangedBy(
      counted.differences,
      match.live.metadata.managedFields,
      desiredFields,
    );
    const ignored = counted.ignored;
    pair(
      match.desired,
      match.namespace,
      { desired: desiredFields, live: liveFields },
      resource(
        match.desired,
        match.namespace,
        differences.length > 0 ? 'drifted' : 'in-sync',
        { differences, ignored },
      ),
    );
  }

  for (const object of unmatchedLive) {
    const namespace = namespaceOf(object);
    const counts =
      track === 'declarative' &&
      !hasOwnerReferences(object) &&
      !isClusterCreated(object);
    pair(
      object,
      namespace,
      { live: comparableObject(object) },
      counts ? resource(object, namespace, 'extra') : undefined,
    );
  }
  return { resources, pairs };
}

function imperativeDrift(input: DriftInput): {
  resources: ResourceDrift[];
  pending: PendingChanges;
} {
  const plan = isPlainObject(input.live?.terraformPlan)
    ? input.live.terraformPlan
    : undefined;
  const pending: PendingChanges = {};
  const resources: ResourceDrift[] = [];
  if (plan) {
    pending.terraform = terraformPendingChanges(plan);
    resources.push(
      ...terraformDriftResources(plan, new IgnoreRuleSet(input.ignoreRules)),
    );
  }
  const migrations = isPlainObject(input.live?.migrations)
    ? input.live.migrations
    : undefined;
  const fromGit = Array.isArray(input.availableMigrations)
    ? input.availableMigrations
    : [];
  const fromLive = Array.isArray(migrations?.available)
    ? migrations!.available
    : [];
  const applied = Array.isArray(migrations?.applied) ? migrations!.applied : [];
  if (migrations || fromGit.length > 0) {
    pending.migrations = {
      notApplied: notAppliedMigrations([...fromGit, ...fromLive], applied),
    };
  }
  return { resources, pending };
}

/** Computes the drift of one entity. Never throws on malformed input. */
export function computeDrift(input: DriftInput): DriftResult {
  const track = normalizeTrack(input?.track);
  if (track === 'imperative') {
    const { resources, pending } = imperativeDrift(input);
    const isPending =
      (pending.terraform?.length ?? 0) > 0 ||
      (pending.migrations?.notApplied.length ?? 0) > 0 ||
      resources.some(r => r.status !== 'in-sync');
    return {
      status: isPending ? 'pending' : 'in-sync',
      resources: resources.sort(compareResources),
      pending,
      pairs: [],
    };
  }
  const { resources, pairs } = kubernetesDrift(input, track);
  resources.sort(compareResources);
  const drifted = resources.some(r => r.status !== 'in-sync');
  return { status: drifted ? 'drifted' : 'in-sync', resources, pairs };
}
