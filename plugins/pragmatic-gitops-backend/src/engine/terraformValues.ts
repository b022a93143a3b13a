/**
 * Attribute by attribute, what changes between a Terraform change's
 * `before` and `after` (`terraform show -json`). Sensitive values (flagged
 * in `before_sensitive`/`after_sensitive`, or named like secrets) are
 * masked: Terraform's JSON carries them in plain text, the result never
 * does. Values computed during the apply (`after_unknown`) are marked
 * `knownAfterApply`.
 */
import { isDeepStrictEqual } from 'node:util';
import { Difference, MASKED_VALUE, TerraformResourceChange } from './types';
import { appendToken } from './jsonPointer';
import { isSecretValueKey } from './secretMasking';
import { isDeepEmpty, isPlainObject } from './values';

/** The sensitivity and unknown trees at one point of the values. */
type Marks = {
  beforeSensitive: unknown;
  afterSensitive: unknown;
  afterUnknown: unknown;
};

const SENSITIVE: Pick<Marks, 'beforeSensitive' | 'afterSensitive'> = {
  beforeSensitive: true,
  afterSensitive: true,
};

function child(tree: unknown, token: string | number): unknown {
  if (tree === true) {
    return true; // everything below a flagged value is flagged
  }
  if (Array.isArray(tree) && typeof token === 'number') {
    return tree[token];
  }
  if (isPlainObject(tree)) {
    return tree[String(token)];
  }
  return undefined;
}

function childMarks(marks: Marks, token: string | number): Marks {
  return {
    beforeSensitive: child(marks.beforeSensitive, token),
    afterSensitive: child(marks.afterSensitive, token),
    afterUnknown: child(marks.afterUnknown, token),
  };
}

function isSensitive(marks: Marks): boolean {
  return marks.beforeSensitive === true || marks.afterSensitive === true;
}

/** True when a tree flags anything at all. */
function flagsAny(tree: unknown): boolean {
  if (tree === true) {
    return true;
  }
  if (Array.isArray(tree)) {
    return tree.some(flagsAny);
  }
  return isPlainObject(tree) && Object.values(tree).some(flagsAny);
}

/** Copies a value with every part flagged sensitive (in either tree) replaced. */
function maskSensitive(
  value: unknown,
  marks: Marks,
): { value: unknown; masked: boolean } {
  if (value === undefined) {
    return { value, masked: false };
  }
  if (isSensitive(marks)) {
    return { value: MASKED_VALUE, masked: true };
  }
  if (!Array.isArray(value) && !isPlainObject(value)) {
    return { value, masked: false };
  }
  let masked = false;
  const mask = (item: unknown, token: string | number) => {
    const result = maskSensitive(item, childMarks(marks, token));
    masked = masked || result.masked;
    return result.value;
  };
  const copy = Array.isArray(value)
    ? value.map((item, i) => mask(item, i))
    : Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, mask(item, key)]),
      );
  return masked ? { value: copy, masked } : { value, masked };
}

function difference(
  path: string,
  before: unknown,
  after: unknown,
  marks: Marks,
  knownAfterApply: boolean,
): Difference {
  const desired = maskSensitive(before, marks);
  const live = knownAfterApply
    ? { value: undefined, masked: false }
    : maskSensitive(after, marks);
  const result: Difference = { path };
  if (desired.value !== undefined) {
    result.desired = desired.value;
  }
  if (live.value !== undefined) {
    result.live = live.value;
  }
  if (desired.masked || live.masked) {
    result.masked = true;
  }
  if (knownAfterApply) {
    result.knownAfterApply = true;
  }
  return result;
}

function isContainer(value: unknown): boolean {
  return isPlainObject(value) || Array.isArray(value);
}

function objectKeys(...values: unknown[]): string[] {
  const keys = new Set<string>();
  for (const value of values) {
    if (isPlainObject(value)) {
      Object.keys(value).forEach(key => keys.add(key));
    }
  }
  return [...keys];
}

function listLength(...values: unknown[]): number {
  return Math.max(0, ...values.map(v => (Array.isArray(v) ? v.length : 0)));
}

/** Both sides are objects (or absent beside an object). */
function areObjects(before: unknown, after: unknown, unknown: unknown) {
  const sides = [before, after, unknown];
  return (
    sides.some(isPlainObject) &&
    sides.every(side => isPlainObject(side) || isDeepEmpty(side))
  );
}

function areLists(before: unknown, after: unknown, unknown: unknown) {
  const sides = [before, after, unknown];
  return (
    sides.some(Array.isArray) &&
    sides.every(side => Array.isArray(side) || isDeepEmpty(side))
  );
}

function diffValues(
  before: unknown,
  after: unknown,
  marks: Marks,
  path: string,
  out: Difference[],
): void {
  if (marks.afterUnknown === true) {
    out.push(difference(path, before, after, marks, true));
    return;
  }
  if (
    isDeepEmpty(before) &&
    isDeepEmpty(after) &&
    !flagsAny(marks.afterUnknown)
  ) {
    return;
  }
  const unknown = marks.afterUnknown;
  if (areObjects(before, after, unknown)) {
    const b = isPlainObject(before) ? before : {};
    const a = isPlainObject(after) ? after : {};
    for (const key of objectKeys(b, a, unknown)) {
      // Attributes named like secrets are sensitive even when the provider forgot to flag them.
      const secretName =
        isSecretValueKey(key) && !isContainer(b[key]) && !isContainer(a[key]);
      const next = childMarks(marks, key);
      diffValues(
        b[key],
        a[key],
        secretName ? { ...next, ...SENSITIVE } : next,
        appendToken(path, key),
        out,
      );
    }
    return;
  }
  if (areLists(before, after, unknown)) {
    const b = Array.isArray(before) ? before : [];
    const a = Array.isArray(after) ? after : [];
    for (let i = 0; i < listLength(b, a, unknown); i++) {
      diffValues(b[i], a[i], childMarks(marks, i), appendToken(path, i), out);
    }
    return;
  }
  if (
    !isDeepStrictEqual(before, after) ||
    isContainer(before) !== isContainer(after)
  ) {
    out.push(difference(path, before, after, marks, false));
  }
}

/** The attribute differences of one change, `before` as `desired` and `after` as `live`. */
export function terraformAttributeChanges(
  change: TerraformResourceChange['change'],
): Difference[] {
  const out: Difference[] = [];
  diffValues(
    change.before,
    change.after,
    {
      beforeSensitive: change.before_sensitive,
      afterSensitive: change.after_sensitive,
      afterUnknown: change.after_unknown,
    },
    '',
    out,
  );
  return out;
}
