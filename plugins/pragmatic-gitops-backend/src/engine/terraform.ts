/**
 * Terraform plans (`terraform show -json`): planned changes are pending work;
 * `resource_drift` (changes made outside Terraform) becomes per-resource
 * differences, with sensitive values masked.
 */
import {
  Difference,
  MASKED_VALUE,
  PendingChanges,
  ResourceDrift,
  TerraformPlan,
  TerraformResourceChange,
} from './types';
import { applyIgnores, IgnoreRuleSet, ObjectIgnores } from './ignoreRules';
import { appendToken } from './jsonPointer';
import { isSecretValueKey } from './secretMasking';
import { isDeepEmpty, isPlainObject } from './values';

type TerraformPending = NonNullable<PendingChanges['terraform']>[number];

const NOTHING_TO_DO = new Set(['no-op', 'read']);

function changesOf(list: unknown): TerraformResourceChange[] {
  if (!Array.isArray(list)) {
    return [];
  }
  return list.filter(
    (entry): entry is TerraformResourceChange =>
      isPlainObject(entry) &&
      typeof entry.address === 'string' &&
      isPlainObject(entry.change) &&
      Array.isArray(entry.change.actions),
  );
}

function typeOf(change: TerraformResourceChange): string {
  return typeof change.type === 'string' && change.type !== ''
    ? change.type
    : 'unknown';
}

/** Resource changes that do something (anything but `no-op` and `read`). */
export function terraformPendingChanges(
  plan: TerraformPlan | undefined,
): TerraformPending[] {
  const pending: TerraformPending[] = [];
  for (const change of changesOf(plan?.resource_changes)) {
    const actions = change.change.actions.filter(
      (action): action is string => typeof action === 'string',
    );
    if (
      actions.length > 0 &&
      actions.some(action => !NOTHING_TO_DO.has(action))
    ) {
      pending.push({ address: change.address, type: typeOf(change), actions });
    }
  }
  return pending;
}

function child(sensitivity: unknown, token: string | number): unknown {
  if (sensitivity === true) {
    return true; // everything below a sensitive value is sensitive
  }
  if (Array.isArray(sensitivity) && typeof token === 'number') {
    return sensitivity[token];
  }
  if (isPlainObject(sensitivity)) {
    return sensitivity[String(token)];
  }
  return undefined;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (!deepEqual(a[key], b[key])) {
        return false;
      }
    }
    return true;
  }
  return false;
}

/** Copies a value with every part flagged sensitive (in either tree) replaced. */
function maskSensitive(
  value: unknown,
  before: unknown,
  after: unknown,
): { value: unknown; masked: boolean } {
  if (value === undefined) {
    return { value, masked: false };
  }
  if (before === true || after === true) {
    return { value: MASKED_VALUE, masked: true };
  }
  if (Array.isArray(value)) {
    let masked = false;
    const copy = value.map((item, i) => {
      const result = maskSensitive(item, child(before, i), child(after, i));
      masked = masked || result.masked;
      return result.value;
    });
    return masked ? { value: copy, masked } : { value, masked };
  }
  if (isPlainObject(value)) {
    let masked = false;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const result = maskSensitive(
        value[key],
        child(before, key),
        child(after, key),
      );
      masked = masked || result.masked;
      copy[key] = result.value;
    }
    return masked ? { value: copy, masked } : { value, masked };
  }
  return { value, masked: false };
}

function pushDifference(
  out: Difference[],
  path: string,
  before: unknown,
  after: unknown,
  bs: unknown,
  as: unknown,
) {
  const desired = maskSensitive(before, bs, as);
  const live = maskSensitive(after, bs, as);
  const difference: Difference = { path };
  if (desired.value !== undefined) {
    difference.desired = desired.value;
  }
  if (live.value !== undefined) {
    difference.live = live.value;
  }
  if (desired.masked || live.masked) {
    difference.masked = true;
  }
  out.push(difference);
}

function isContainer(value: unknown): boolean {
  return isPlainObject(value) || Array.isArray(value);
}

/** Differences from `before` (what Terraform recorded) to `after` (what exists now). */
function diffValues(
  before: unknown,
  after: unknown,
  beforeSensitive: unknown,
  afterSensitive: unknown,
  path: string,
  out: Difference[],
): void {
  if (isDeepEmpty(before) && isDeepEmpty(after)) {
    return;
  }
  const bothObjects = isPlainObject(before) && isPlainObject(after);
  const bothLists = Array.isArray(before) && Array.isArray(after);
  if (
    (beforeSensitive === true || afterSensitive === true) &&
    !bothObjects &&
    !bothLists
  ) {
    if (!deepEqual(before, after)) {
      pushDifference(out, path, before, after, true, true);
    }
    return;
  }
  const beforeObject =
    isPlainObject(before) || (isDeepEmpty(before) && isPlainObject(after));
  const afterObject =
    isPlainObject(after) || (isDeepEmpty(after) && isPlainObject(before));
  if (beforeObject && afterObject) {
    const b = isPlainObject(before) ? before : {};
    const a = isPlainObject(after) ? after : {};
    const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
    for (const key of keys) {
      // Attributes named like secrets are treated as sensitive even when the provider forgot to flag them.
      const secretName =
        isSecretValueKey(key) && !isContainer(b[key]) && !isContainer(a[key]);
      diffValues(
        b[key],
        a[key],
        secretName ? true : child(beforeSensitive, key),
        secretName ? true : child(afterSensitive, key),
        appendToken(path, key),
        out,
      );
    }
    return;
  }
  const beforeList =
    Array.isArray(before) || (isDeepEmpty(before) && Array.isArray(after));
  const afterList =
    Array.isArray(after) || (isDeepEmpty(after) && Array.isArray(before));
  if (beforeList && afterList) {
    const b = Array.isArray(before) ? before : [];
    const a = Array.isArray(after) ? after : [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      diffValues(
        b[i],
        a[i],
        child(beforeSensitive, i),
        child(afterSensitive, i),
        appendToken(path, i),
        out,
      );
    }
    return;
  }
  if (!deepEqual(before, after) || isContainer(before) !== isContainer(after)) {
    pushDifference(out, path, before, after, beforeSensitive, afterSensitive);
  }
}

/** One drifted resource per `resource_drift` entry. */
export function terraformDriftResources(
  plan: TerraformPlan | undefined,
  rules: IgnoreRuleSet,
): ResourceDrift[] {
  return changesOf(plan?.resource_drift).map(change => {
    const type = typeOf(change);
    const all: Difference[] = [];
    const {
      before,
      after,
      before_sensitive: beforeSensitive,
      after_sensitive: afterSensitive,
    } = change.change;
    diffValues(before, after, beforeSensitive, afterSensitive, '', all);
    const { differences, ignored } = applyIgnores(
      all,
      new ObjectIgnores(rules.forObject(type, change.address)),
    );
    return {
      apiVersion: 'terraform',
      kind: type,
      name: change.address,
      status: 'drifted',
      differences,
      ignored,
    };
  });
}
