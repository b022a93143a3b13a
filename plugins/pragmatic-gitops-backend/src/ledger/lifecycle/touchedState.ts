/**
 * Where one hotfix change stands in the latest scan: is the object there,
 * does the engine still report drift on the fields it touched, and digests
 * of the live and desired values at those fields. Values never leave this
 * module: only sha256 digests do (they may be secret).
 */
import {
  canonicalGroup,
  effectiveNamespace,
  KubeObject,
  LiveState,
  matchResources,
  ResourceDrift,
  TerraformResourceChange,
} from '../../engine';
import { isSameOrBelow } from '../../engine/jsonPointer';
import {
  comparableObject,
  namespaceOf,
  validObjects,
} from '../../engine/normalize';
import { isPlainObject } from '../../engine/values';
import { digestValue } from './digest';
import { HotfixChange, TouchedState } from './types';
import { alignedValuesAt, valueAt } from './valuesAtPaths';

export type TouchedStateInput = {
  /** Desired objects, as given to the engine. */
  desired: KubeObject[];
  live: LiveState;
  /** From `backstage.io/kubernetes-namespace`, as given to the engine. */
  defaultNamespace?: string;
  /** The engine's result for the same desired and live state. */
  resources: ResourceDrift[];
};

const TERRAFORM = 'terraform';
const NOTHING_TO_DO = new Set(['no-op', 'read']);

type Candidate = {
  desired?: KubeObject;
  live?: KubeObject;
  namespace?: string;
};

function pathsOf(change: HotfixChange): string[] {
  return Array.isArray(change.paths)
    ? change.paths.filter((p): p is string => typeof p === 'string')
    : [];
}

/** Digest of the values at `paths` (absent ones left out), or of the whole value. */
function digestAt(
  values: Array<[string, unknown]> | undefined,
  whole: unknown,
): string {
  if (!values) {
    return digestValue({ whole: whole ?? null });
  }
  const present: Record<string, unknown> = {};
  for (const [path, value] of values) {
    if (value !== undefined) {
      present[path] = value;
    }
  }
  return digestValue({ paths: present });
}

/** A difference at, below or above one of the paths (any difference without paths). */
function touches(differences: ResourceDrift['differences'], paths: string[]) {
  if (paths.length === 0) {
    return differences.length > 0;
  }
  return differences.some(difference =>
    paths.some(
      path =>
        isSameOrBelow(difference.path, path) ||
        isSameOrBelow(path, difference.path),
    ),
  );
}

function terraformChanges(list: unknown): TerraformResourceChange[] {
  return Array.isArray(list)
    ? list.filter(
        (entry): entry is TerraformResourceChange =>
          isPlainObject(entry) &&
          typeof entry.address === 'string' &&
          isPlainObject(entry.change) &&
          Array.isArray(entry.change.actions),
      )
    : [];
}

function sameResource(change: HotfixChange) {
  return (entry: { type?: unknown; address?: unknown }) =>
    entry.address === change.name && entry.type === change.kind;
}

/** Resolves hotfix changes against one scan; matching is done once. */
export function createTouchedStateResolver(
  input: TouchedStateInput,
): (change: HotfixChange) => TouchedState {
  const plan = isPlainObject(input.live?.terraformPlan)
    ? input.live.terraformPlan
    : undefined;
  const planned = terraformChanges(plan?.resource_changes);
  const drifted = terraformChanges(plan?.resource_drift);
  const resources = Array.isArray(input.resources) ? input.resources : [];
  const defaultNamespace = input.defaultNamespace || undefined;

  let index: Map<string, Candidate[]> | undefined;
  const candidates = (kind: string, name: string): Candidate[] => {
    if (!index) {
      index = new Map();
      const { matches, unmatchedLive } = matchResources(
        validObjects(input.desired),
        validObjects(input.live?.objects),
        defaultNamespace,
      );
      const all: Candidate[] = [
        ...matches,
        ...unmatchedLive.map(live => ({ live, namespace: namespaceOf(live) })),
      ];
      for (const candidate of all) {
        const object = (candidate.desired ?? candidate.live)!;
        const key = `${object.kind}|${object.metadata.name}`;
        index.set(key, [...(index.get(key) ?? []), candidate]);
      }
    }
    return index.get(`${kind}|${name}`) ?? [];
  };

  const isTerraform = (change: HotfixChange) =>
    planned.some(sameResource(change)) ||
    drifted.some(sameResource(change)) ||
    resources.some(
      r =>
        r.apiVersion === TERRAFORM &&
        r.kind === change.kind &&
        r.name === change.name,
    );

  const terraform = (change: HotfixChange): TouchedState => {
    const paths = pathsOf(change);
    const entry = planned.find(sameResource(change));
    const live = entry?.change.before;
    const desired = entry?.change.after;
    const actions = entry?.change.actions ?? [];
    // Git matches live when the plan has nothing to do for the address. A
    // `resource_drift` entry alone only says the state file lags reality:
    // after a back-port the config already equals the real infrastructure.
    const withPaths = (root: unknown) =>
      paths.length > 0
        ? paths.map((path): [string, unknown] => [path, valueAt(root, path)])
        : undefined;
    return {
      found: live !== undefined && live !== null,
      inSync:
        entry !== undefined &&
        actions.length > 0 &&
        actions.every(action => NOTHING_TO_DO.has(action)),
      liveDigest: digestAt(withPaths(live), live),
      desiredDigest: digestAt(withPaths(desired), desired),
    };
  };

  const pick = (change: HotfixChange): Candidate | undefined => {
    const list = candidates(change.kind, change.name);
    const wanted = effectiveNamespace(
      {
        apiVersion: '',
        kind: change.kind,
        metadata: { name: change.name, namespace: change.namespace },
      },
      defaultNamespace,
    );
    const withLiveFirst = [
      ...list.filter(c => c.live),
      ...list.filter(c => !c.live),
    ];
    return (
      withLiveFirst.find(c => c.namespace === wanted) ??
      (change.namespace
        ? withLiveFirst.find(c => c.namespace === undefined)
        : withLiveFirst.find(c => c.namespace === undefined) ??
          withLiveFirst[0])
    );
  };

  const kubernetes = (change: HotfixChange): TouchedState => {
    const paths = pathsOf(change);
    const candidate = pick(change);
    const object = candidate?.desired ?? candidate?.live;
    const namespace = candidate ? candidate.namespace : change.namespace;
    const resource = resources.find(
      r =>
        r.apiVersion !== TERRAFORM &&
        r.kind === change.kind &&
        r.name === change.name &&
        (r.namespace || undefined) === namespace &&
        (!object ||
          canonicalGroup(r.apiVersion, r.kind) ===
            canonicalGroup(object.apiVersion, object.kind)),
    );
    let liveValues: Array<[string, unknown]> | undefined;
    let desiredValues: Array<[string, unknown]> | undefined;
    if (paths.length > 0) {
      liveValues = [];
      desiredValues = [];
      for (const path of paths) {
        const values = alignedValuesAt(
          candidate?.desired,
          candidate?.live,
          path,
        );
        desiredValues.push([path, values.desired]);
        liveValues.push([path, values.live]);
      }
    }
    return {
      found: candidate?.live !== undefined,
      inSync:
        resource !== undefined &&
        resource.status !== 'missing' &&
        resource.status !== 'extra' &&
        !touches(resource.differences ?? [], paths),
      liveDigest: digestAt(
        liveValues,
        candidate?.live && comparableObject(candidate.live),
      ),
      desiredDigest: digestAt(
        desiredValues,
        candidate?.desired && comparableObject(candidate.desired),
      ),
    };
  };

  return change =>
    isTerraform(change) ? terraform(change) : kubernetes(change);
}

/** The state of one hotfix change in a scan. */
export function touchedState(
  change: HotfixChange,
  input: TouchedStateInput,
): TouchedState {
  return createTouchedStateResolver(input)(change);
}

/** The states of all changes of a hotfix, aligned with `changes`. */
export function touchedStates(
  changes: readonly HotfixChange[],
  input: TouchedStateInput,
): TouchedState[] {
  const resolve = createTouchedStateResolver(input);
  return changes.map(resolve);
}
