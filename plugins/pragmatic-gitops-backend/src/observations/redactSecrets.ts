/**
 * Secret values must never be stored. Before an observation is stored, and
 * before desired and live objects are compared, every place a value can hide
 * is replaced by a keyed digest, so a desired and a live value still compare
 * equal exactly when they are equal while neither can be read back:
 * Secret `data`/`stringData` (also inside `List`s), the literal values of
 * secret-named env entries, secret-named fields of any kind (one rule with
 * Terraform: `isSecretValueKey`), the last-applied annotation of every kind
 * (it holds a copy of what was applied), and Terraform's sensitive values.
 */
import {
  isSecretLiteralEntry,
  isSecretValueKey,
} from '../engine/secretMasking';
import { KubeObject, LiveState, TerraformPlan } from '../engine/types';
import { SecretDigest } from './secretDigest';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A scalar secret as text, anything else as JSON. */
function digestOf(value: unknown, digest: SecretDigest): string {
  return digest(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * `stringData` is the plain form of `data`: digest what the API server would
 * store. A key whose value is null or empty is left out: it equals an absent
 * key (the API server and Helm write an empty value differently).
 */
function redactSecretData(
  object: JsonRecord,
  digest: SecretDigest,
): JsonRecord {
  const { stringData, data, ...rest } = object;
  const digests: Record<string, string> = {};
  for (const [key, value] of Object.entries(isRecord(data) ? data : {})) {
    if (!isEmptyValue(value)) digests[key] = digestOf(value, digest);
  }
  for (const [key, value] of Object.entries(
    isRecord(stringData) ? stringData : {},
  )) {
    if (!isEmptyValue(value)) {
      const base64 = Buffer.from(String(value), 'utf8').toString('base64');
      digests[key] = digest(base64);
    }
  }
  return Object.keys(digests).length > 0 ? { ...rest, data: digests } : rest;
}

/**
 * Literal values of secret-looking env entries (`{ name: DB_PASSWORD,
 * value: … }`) and scalar secret-named fields (`password: …`) anywhere in
 * an object: secrets written in plain sight. Unchanged subtrees keep their
 * identity (no cloning on the hot path).
 */
function redactSecretFields<T>(value: T, digest: SecretDigest): T {
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map(item => {
      const redacted = isSecretLiteralEntry(item)
        ? { ...item, value: digestOf(item.value, digest) }
        : redactSecretFields(item, digest);
      changed ||= redacted !== item;
      return redacted;
    });
    return (changed ? items : value) as T;
  }
  if (!isRecord(value)) {
    return value;
  }
  let changed = false;
  const entries = Object.entries(value).map(([key, item]) => {
    // Bookkeeping subtrees hold no values; skipping them keeps scans fast.
    if (key === 'managedFields' || key === 'status') return [key, item];
    const redacted =
      isSecretValueKey(key) &&
      (typeof item === 'string' || typeof item === 'number') &&
      item !== ''
        ? digestOf(item, digest)
        : redactSecretFields(item, digest);
    changed ||= redacted !== item;
    return [key, redacted];
  });
  return (changed ? Object.fromEntries(entries) : value) as T;
}

/** The copy of the applied object kept in an annotation, redacted like the object. */
function redactLastApplied(
  annotations: JsonRecord,
  digest: SecretDigest,
): JsonRecord {
  const text = annotations[LAST_APPLIED];
  const copy = { ...annotations };
  let applied: unknown;
  try {
    applied = typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    applied = undefined;
  }
  if (isRecord(applied)) {
    copy[LAST_APPLIED] = JSON.stringify(
      redactObject(applied as KubeObject, digest),
    );
  } else {
    delete copy[LAST_APPLIED];
  }
  return copy;
}

/** Redacts one Kubernetes object (a `List` item by item), its last-applied copy included. */
export function redactObject(
  object: KubeObject,
  digest: SecretDigest,
): KubeObject {
  // Secret data first: stringData must be digested in its base64 form.
  let redacted: JsonRecord = redactSecretFields(
    object.kind === 'Secret' ? redactSecretData(object, digest) : object,
    digest,
  );
  if (object.kind === 'List' && Array.isArray(redacted.items)) {
    redacted = {
      ...redacted,
      items: redacted.items.map(item =>
        isRecord(item) ? redactObject(item as KubeObject, digest) : item,
      ),
    };
  }
  const metadata = isRecord(redacted.metadata) ? redacted.metadata : undefined;
  const annotations =
    metadata && isRecord(metadata.annotations)
      ? metadata.annotations
      : undefined;
  if (annotations && LAST_APPLIED in annotations) {
    redacted = {
      ...redacted,
      metadata: {
        ...metadata,
        annotations: redactLastApplied(annotations, digest),
      },
    };
  }
  return redacted as KubeObject;
}

/**
 * Replaces every value Terraform marks sensitive (`true` in the *_sensitive
 * tree), and every secret-named attribute, by its keyed digest: a changed
 * sensitive value then still shows as a (masked) difference.
 */
function redactSensitive(
  value: unknown,
  sensitive: unknown,
  digest: SecretDigest,
): unknown {
  if (value === undefined || value === null) {
    return value;
  }
  if (sensitive === true) {
    return digestOf(value, digest);
  }
  if (Array.isArray(value)) {
    const marks = Array.isArray(sensitive) ? sensitive : [];
    return value.map((item, i) => redactSensitive(item, marks[i], digest));
  }
  if (!isRecord(value)) {
    return value;
  }
  const marks = isRecord(sensitive) ? sensitive : {};
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      redactSensitive(
        item,
        isSecretValueKey(key) && !isRecord(item) && !Array.isArray(item)
          ? true
          : marks[key],
        digest,
      ),
    ]),
  );
}

function redactPlan(plan: TerraformPlan, digest: SecretDigest): TerraformPlan {
  const redactChanges = (changes: TerraformPlan['resource_changes']) =>
    changes?.map(change => ({
      ...change,
      change: {
        ...change.change,
        before: redactSensitive(
          change.change.before,
          change.change.before_sensitive,
          digest,
        ),
        after: redactSensitive(
          change.change.after,
          change.change.after_sensitive,
          digest,
        ),
      },
    }));
  // Keep only what the engine reads: prior_state, variables and outputs can hold secrets.
  return {
    format_version: plan.format_version,
    resource_changes: redactChanges(plan.resource_changes),
    resource_drift: redactChanges(plan.resource_drift),
  };
}

/**
 * Redacts a whole observation before it is stored or compared. `redact`:
 * how each object is (`redactObject` under `digest` unless told).
 */
export function redactLiveState<
  T extends LiveState & { desiredObjects?: KubeObject[] },
>(
  state: T,
  digest: SecretDigest,
  redact: (object: KubeObject) => KubeObject = object =>
    redactObject(object, digest),
): T {
  return {
    ...state,
    ...(state.objects ? { objects: state.objects.map(redact) } : {}),
    ...(state.desiredObjects
      ? { desiredObjects: state.desiredObjects.map(redact) }
      : {}),
    ...(state.terraformPlan
      ? { terraformPlan: redactPlan(state.terraformPlan, digest) }
      : {}),
  };
}
