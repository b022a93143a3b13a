/**
 * Shared state of one object comparison: the kind being compared, whether
 * extra list entries count, the output, and the per-path flags (quantity
 * context, secret context) that decide how scalars compare and whether
 * values must be masked.
 */
import { Difference } from './types';
import { ObjectIgnores } from './ignoreRules';
import { isQuantityKey, quantitiesEqual } from './quantities';
import {
  isSecretConfigMapPath,
  isSecretName,
  isSecretValueKey,
  isSecretPath,
  makeDifference,
} from './secretMasking';
import { RemovedSource } from './owner';
import { JsonObject, looseScalarEqual } from './values';

/** Scalars below compare as quantities. */
export const QUANTITY = 1;
/** Values below are secrets: always masked. */
export const SECRET = 2;

/** Kinds with fields whose values are secrets whatever their name. */
const KINDS_WITH_SECRET_FIELDS = new Set([
  'Secret',
  'SealedSecret',
  'ConfigMap',
]);

export type Context = {
  kind: string;
  /** The kind has secret fields (checked per key only then). */
  secretFields: boolean;
  countExtraListEntries: boolean;
  /**
   * The object's record of the last apply is complete (last-applied): a live
   * list entry counts only when that record holds it.
   */
  completeRecord: boolean;
  ignores: ObjectIgnores;
  out: Difference[];
};

export function createContext(
  kind: string,
  countExtraListEntries: boolean,
  ignores: ObjectIgnores,
  completeRecord: boolean,
): Context {
  return {
    kind,
    secretFields: KINDS_WITH_SECRET_FIELDS.has(kind),
    countExtraListEntries,
    completeRecord,
    ignores,
    out: [],
  };
}

/** Appends a difference, masked when the path is secret (or a Secret's removed field). */
export function emit(
  ctx: Context,
  out: Difference[],
  path: string,
  desired: unknown,
  live: unknown,
  flags: number,
  removed?: RemovedSource,
): void {
  const secret =
    (flags & SECRET) !== 0 || (removed !== undefined && ctx.kind === 'Secret');
  out.push(makeDifference(path, desired, live, secret, removed));
}

/** Flags of the field `key` of the object at `path` (whose pointer is `childPath`). */
export function childFlags(
  ctx: Context,
  path: string,
  childPath: string,
  key: string,
  desired: JsonObject | undefined,
  live: JsonObject | undefined,
  flags: number,
): number {
  let result = flags;
  if ((result & QUANTITY) === 0 && isQuantityKey(key)) {
    result |= QUANTITY;
  }
  if ((result & SECRET) !== 0) {
    return result;
  }
  if (key === 'value') {
    if (isSecretName(desired?.name) || isSecretName(live?.name)) {
      result |= SECRET;
    }
  } else if (
    isSecretValueKey(key) ||
    (ctx.secretFields &&
      (isSecretPath(ctx.kind, childPath) ||
        isSecretConfigMapPath(ctx.kind, path, key)))
  ) {
    // Secret-named fields of any kind hold digests after redaction: masked.
    result |= SECRET;
  }
  return result;
}

/** Scalar equality: identical, number vs its string, or same quantity where quantities live. */
export function scalarsEqual(
  desired: unknown,
  live: unknown,
  flags: number,
): boolean {
  return (
    desired === live ||
    looseScalarEqual(desired, live) ||
    ((flags & QUANTITY) !== 0 && quantitiesEqual(desired, live))
  );
}
