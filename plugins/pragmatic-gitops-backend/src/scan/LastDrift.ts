import { LRUCache } from 'lru-cache';
import { deepFreeze } from '../desired/deepFreeze';
import { computeDrift } from '../engine';
import { DriftInput, DriftResult, KubeObject } from '../engine/types';

const DEFAULT_ENTRIES = 10_000;

/**
 * The engine's last result per entity, answered again while the engine
 * would be given exactly the same: same track, namespace, ignore rules,
 * field managers and migrations, and the very same desired and live objects.
 * Objects are compared by identity, which says "unchanged" only for frozen
 * ones (parsed manifests and stored observations are cached frozen, and so
 * is their redaction): with any object not frozen, the engine runs. The
 * engine reads nothing else (no clock, no database), so the answer is the one
 * it would compute; what depends on time or the ledger is done after it,
 * every time. Results are shared, hence frozen. The least recently used
 * entities go first once `maxEntries` are held.
 */
export class LastDrift {
  private readonly entries: LRUCache<
    string,
    { input: DriftInput; rules: string; result: DriftResult }
  >;

  constructor(maxEntries = DEFAULT_ENTRIES) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  compute(entityRef: string, input: DriftInput): DriftResult {
    const rules = JSON.stringify(input.ignoreRules);
    const last = this.entries.get(entityRef);
    if (last && last.rules === rules && sameInput(last.input, input)) {
      return last.result;
    }
    if (!allFrozen(input.desired) || !allFrozen(input.live.objects ?? [])) {
      this.entries.delete(entityRef);
      return computeDrift(input);
    }
    const result = deepFreeze(computeDrift(input));
    this.entries.set(entityRef, { input, rules, result });
    return result;
  }
}

function allFrozen(objects: readonly KubeObject[]): boolean {
  return objects.every(Object.isFrozen);
}

function sameItems<T>(
  a: readonly T[] | undefined,
  b: readonly T[] | undefined,
): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((item, i) => item === b[i]);
}

function sameInput(a: DriftInput, b: DriftInput): boolean {
  return (
    a.track === b.track &&
    a.defaultNamespace === b.defaultNamespace &&
    sameItems(a.gitopsFieldManagers, b.gitopsFieldManagers) &&
    sameItems(a.availableMigrations, b.availableMigrations) &&
    sameItems(a.desired, b.desired) &&
    sameItems(a.live.objects, b.live.objects) &&
    // Whole-value fields of the live state, compared as given (a fresh
    // Terraform plan is a fresh object: the engine runs).
    a.live.terraformPlan === b.live.terraformPlan &&
    a.live.migrations === b.live.migrations
  );
}
