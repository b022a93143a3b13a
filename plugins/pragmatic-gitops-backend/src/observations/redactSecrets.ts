import { createHash } from 'node:crypto';
import { isSecretLiteralEntry } from '../engine/secretMasking';
import { KubeObject, LiveState, TerraformPlan } from '../engine/types';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Secret values must never be stored. Values are replaced by a digest, so a
 * desired and a live value still compare equal exactly when they are equal,
 * while neither can be read back.
 */
export function digestSecretValue(value: unknown): string {
  return `sha256:${createHash('sha256').update(String(value)).digest('hex')}`;
}

function digestMap(values: unknown): Record<string, string> | undefined {
  if (!values || typeof values !== 'object') {
    return undefined;
  }
  return Object.fromEntries(
    Object.entries(values as Record<string, unknown>).map(([key, value]) => [
      key,
      digestSecretValue(value),
    ]),
  );
}

/**
 * `stringData` is the plain form of `data`: digest what the API server would
 * store. A key whose value is null or empty is left out: it equals an absent
 * key (the API server and Helm write an empty value differently).
 */
function secretData(
  object: Record<string, unknown>,
): Record<string, string> | undefined {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(
    (object.data as Record<string, unknown>) ?? {},
  )) {
    if (!isEmptyValue(value)) data[key] = value;
  }
  for (const [key, value] of Object.entries(
    (object.stringData as Record<string, unknown>) ?? {},
  )) {
    if (!isEmptyValue(value)) {
      data[key] = Buffer.from(String(value), 'utf8').toString('base64');
    }
  }
  return Object.keys(data).length > 0 ? digestMap(data) : undefined;
}

function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function redactSecretFields<T extends Record<string, unknown>>(object: T): T {
  const { stringData: _stringData, data: _data, ...rest } = object;
  const data = secretData(object);
  return (data ? { ...rest, data } : rest) as unknown as T;
}

/**
 * Literal values of secret-looking entries (`env: [{ name: DB_PASSWORD,
 * value: … }]`) are secrets written in plain sight: digest them too.
 */
function redactSecretLiterals<T>(value: T): T {
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map(item => {
      const redacted = isSecretLiteralEntry(item)
        ? { ...item, value: digestSecretValue(item.value) }
        : redactSecretLiterals(item);
      changed ||= redacted !== item;
      return redacted;
    });
    return (changed ? items : value) as T;
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      // Bookkeeping subtrees hold no env entries; skipping them keeps scans fast.
      if (key === 'managedFields' || key === 'status') return [key, item];
      const redacted = redactSecretLiterals(item);
      changed ||= redacted !== item;
      return [key, redacted];
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

/**
 * Redacts one Kubernetes object: Secret `data`/`stringData` (also inside the
 * last-applied annotation, which holds a copy of what was applied) and the
 * literal values of secret-looking env entries anywhere in it.
 */
export function redactObject(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret') {
    return redactSecretLiterals(object);
  }
  const redacted = redactSecretFields(object);
  const lastApplied = object.metadata.annotations?.[LAST_APPLIED];
  if (!lastApplied) {
    return redacted;
  }
  let applied: Record<string, unknown> | undefined;
  try {
    applied = JSON.parse(lastApplied);
  } catch {
    applied = undefined;
  }
  const annotations = { ...object.metadata.annotations };
  if (applied && typeof applied === 'object') {
    annotations[LAST_APPLIED] = JSON.stringify(redactSecretFields(applied));
  } else {
    delete annotations[LAST_APPLIED];
  }
  return { ...redacted, metadata: { ...redacted.metadata, annotations } };
}

/** Replaces every value Terraform marks sensitive (`true` in the *_sensitive tree). */
function redactSensitive(value: unknown, sensitive: unknown): unknown {
  if (sensitive === true) {
    return value === undefined || value === null ? value : '(sensitive)';
  }
  if (
    !sensitive ||
    typeof sensitive !== 'object' ||
    !value ||
    typeof value !== 'object'
  ) {
    return value;
  }
  if (Array.isArray(value)) {
    const marks = Array.isArray(sensitive) ? sensitive : [];
    return value.map((item, index) => redactSensitive(item, marks[index]));
  }
  const marks = sensitive as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key,
      redactSensitive(item, marks[key]),
    ]),
  );
}

function redactPlan(plan: TerraformPlan): TerraformPlan {
  const redactChanges = (changes: TerraformPlan['resource_changes']) =>
    changes?.map(change => ({
      ...change,
      change: {
        ...change.change,
        before: redactSensitive(
          change.change.before,
          change.change.before_sensitive,
        ),
        after: redactSensitive(
          change.change.after,
          change.change.after_sensitive,
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

/** Redacts a whole observation before it is stored or compared. */
export function redactLiveState<T extends LiveState>(state: T): T {
  return {
    ...state,
    ...(state.objects ? { objects: state.objects.map(redactObject) } : {}),
    ...(state.terraformPlan
      ? { terraformPlan: redactPlan(state.terraformPlan) }
      : {}),
  };
}
