/**
 * Where one hotfix change stands in one computation: is the object there,
 * does the engine report drift on the fields it touched, and digests of the
 * live and desired values at those fields. Everything is read from the
 * engine's result (its matched pairs and resources), never matched again.
 * Values never leave this module: only digests do (they may be secret).
 */
import {
  DriftResult,
  effectiveNamespace,
  LiveState,
  MatchedPair,
  ResourceDrift,
  TerraformResourceChange,
} from '../../engine';
import { isSameOrBelow } from '../../engine/jsonPointer';
import { isPlainObject } from '../../engine/values';
import { digestValue } from './digest';
import { HotfixChange, TouchedState } from './types';
import { alignedValuesAt, valueAt } from './valuesAtPaths';

export type TouchedStateInput = {
  /** The engine's result: its resources and the pairs it matched. */
  result: Pick<DriftResult, 'resources' | 'pairs'>;
  /** The live state given to the engine (its Terraform plan is read here). */
  live: LiveState;
  /** From `backstage.io/kubernetes-namespace`, as given to the engine. */
  defaultNamespace?: string;
};

const TERRAFORM = 'terraform';
const NOTHING_TO_DO = new Set(['no-op', 'read']);

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

/** Resolves hotfix changes against one computation, from the pairs the engine matched. */
export function createTouchedStateResolver(
  input: TouchedStateInput,
): (change: HotfixChange) => TouchedState {
  const plan = isPlainObject(input.live?.terraformPlan)
    ? input.live.terraformPlan
    : undefined;
  const planned = terraformChanges(plan?.resource_changes);
  const drifted = terraformChanges(plan?.resource_drift);
  const resources = Array.isArray(input.result?.resources)
    ? input.result.resources
    : [];
  const pairs = Array.isArray(input.result?.pairs) ? input.result.pairs : [];
  const defaultNamespace = input.defaultNamespace || undefined;

  const byName = new Map<string, MatchedPair[]>();
  for (const pair of pairs) {
    const key = `${pair.kind}|${pair.name}`;
    byName.set(key, [...(byName.get(key) ?? []), pair]);
  }

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

  const pick = (change: HotfixChange): MatchedPair | undefined => {
    const list = byName.get(`${change.kind}|${change.name}`) ?? [];
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
    const pair = pick(change);
    const resource: ResourceDrift | undefined = pair?.resource;
    let liveValues: Array<[string, unknown]> | undefined;
    let desiredValues: Array<[string, unknown]> | undefined;
    if (paths.length > 0) {
      liveValues = [];
      desiredValues = [];
      for (const path of paths) {
        const values = alignedValuesAt(pair?.desired, pair?.live, path);
        desiredValues.push([path, values.desired]);
        liveValues.push([path, values.live]);
      }
    }
    return {
      found: pair?.live !== undefined,
      inSync:
        resource !== undefined &&
        resource.status !== 'missing' &&
        resource.status !== 'extra' &&
        !touches(resource.differences ?? [], paths),
      liveDigest: digestAt(liveValues, pair?.live),
      desiredDigest: digestAt(desiredValues, pair?.desired),
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
