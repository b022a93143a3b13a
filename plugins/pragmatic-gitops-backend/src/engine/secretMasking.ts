/**
 * Secret values never leave the engine: differences that could carry one get
 * MASKED_VALUE instead. Applied when a difference is created, so nothing
 * downstream (store, API, logs) ever sees the value.
 */
import { Difference, MASKED_VALUE } from './types';
import { isPlainObject, JsonObject, ownEntry } from './values';

const SECRET_NAME =
  /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/** True for names such as `DB_PASSWORD`, `apiKey`, `GITHUB_TOKEN`. */
export function isSecretName(name: unknown): boolean {
  return typeof name === 'string' && SECRET_NAME.test(name);
}

/** Fields that name or point at a secret rather than hold one: `secretName`, `tokenPath`, `secret_arn`. */
const REFERENCE_SUFFIX =
  /(NAMES?|REFS?|PATH|FILE|TYPE|MODE|ENABLED|SELECTOR|NAMESPACE|_?ID|ARN)$/i;

/**
 * The one rule for fields whose value is a secret, in any Kubernetes kind
 * (custom resources included) and in Terraform attributes: `password`,
 * `token`, `apiKey`, `clientSecret`, `credentials`; not `secretName`.
 */
export function isSecretValueKey(key: string): boolean {
  return SECRET_NAME.test(key) && !REFERENCE_SUFFIX.test(key);
}

/**
 * True for an env-like entry `{ name: <secret-looking>, value: <literal> }`:
 * its `value` is a secret.
 */
export function isSecretLiteralEntry(value: unknown): value is JsonObject {
  return (
    isPlainObject(value) &&
    isSecretName(value.name) &&
    value.value !== undefined &&
    value.value !== null &&
    value.value !== ''
  );
}

/** Kinds whose whole payload under these fields is secret. */
const SECRET_FIELDS: Record<string, readonly string[]> = {
  Secret: ['/data', '/stringData'],
  SealedSecret: ['/spec/encryptedData'],
};

/** True when a field of an object of this kind holds secret values. */
export function isSecretPath(kind: string, path: string): boolean {
  const fields = ownEntry(SECRET_FIELDS, kind);
  if (!fields) {
    return false;
  }
  return fields.some(
    field =>
      path === field ||
      (path.startsWith(field) && path.charCodeAt(field.length) === 47),
  );
}

/** ConfigMap keys that look like secrets (a password in a ConfigMap is still a password). */
export function isSecretConfigMapPath(
  kind: string,
  parentPath: string,
  key: string,
): boolean {
  return (
    kind === 'ConfigMap' &&
    (parentPath === '/data' || parentPath === '/binaryData') &&
    isSecretName(key)
  );
}

type Sanitized = { value: unknown; masked: boolean };

/**
 * Copies a value with every secret literal entry's `value` masked. Returns
 * the same reference when nothing had to be masked (no cloning on the hot path).
 */
export function sanitizeValue(value: unknown): Sanitized {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const child = sanitizeValue(value[i]);
      if (child.masked) {
        copy = copy ?? value.slice();
        copy[i] = child.value;
      }
    }
    return copy ? { value: copy, masked: true } : { value, masked: false };
  }
  if (!isPlainObject(value)) {
    return { value, masked: false };
  }
  let copy: JsonObject | undefined;
  if (isSecretLiteralEntry(value)) {
    copy = { ...value, value: MASKED_VALUE };
  }
  for (const key of Object.keys(value)) {
    if (key === 'value' && copy) {
      continue;
    }
    const child = sanitizeValue(value[key]);
    if (child.masked) {
      copy = copy ?? { ...value };
      copy[key] = child.value;
    }
  }
  return copy ? { value: copy, masked: true } : { value, masked: false };
}

/**
 * Builds a difference, masking both sides when `secret` is set and otherwise
 * masking secret literal entries found inside either value.
 */
export function makeDifference(
  path: string,
  desired: unknown,
  live: unknown,
  secret: boolean,
  removedFromGit?: Difference['removedFromGit'],
): Difference {
  const difference: Difference = { path };
  if (secret) {
    if (desired !== undefined) {
      difference.desired = MASKED_VALUE;
    }
    if (live !== undefined) {
      difference.live = MASKED_VALUE;
    }
    difference.masked = true;
  } else {
    const safeDesired = sanitizeValue(desired);
    const safeLive = sanitizeValue(live);
    if (desired !== undefined) {
      difference.desired = safeDesired.value;
    }
    if (live !== undefined) {
      difference.live = safeLive.value;
    }
    if (safeDesired.masked || safeLive.masked) {
      difference.masked = true;
    }
  }
  if (removedFromGit) {
    difference.removedFromGit = removedFromGit;
  }
  return difference;
}
