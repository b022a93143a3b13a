/** Small value predicates shared by the comparison modules. */

export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `undefined`, `null`, `""`, `[]` and `{}`: what Kubernetes treats as "not set". */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  if (typeof value === 'object') {
    // Parsed JSON/YAML objects have no inherited enumerable properties, so
    // the first enumerated key decides (no array of keys is allocated).
    // eslint-disable-next-line guard-for-in, no-unreachable-loop
    for (const _key in value as JsonObject) {
      return false;
    }
    return true;
  }
  return false;
}

/**
 * Empty, or an object whose every field is (deeply) empty: `{ a: {} }`
 * declares nothing. Lists are not looked into: `[{}]` holds one item.
 */
export function isDeepEmpty(value: unknown): boolean {
  if (isEmpty(value)) {
    return true;
  }
  if (!isPlainObject(value)) {
    return false;
  }
  for (const key of Object.keys(value)) {
    if (!isDeepEmpty(value[key])) {
      return false;
    }
  }
  return true;
}

export function hasOwn(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Canonical text of a scalar for loose number/string comparison. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  if (typeof value === 'bigint') {
    return value.toString();
  }
  return undefined;
}

/**
 * Scalar equality where a number and the string that spells it are the same
 * (`8080` and `"8080"`), as YAML and the API server disagree on quoting.
 */
export function looseScalarEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a === typeof b) {
    return false;
  }
  const textA = scalarText(a);
  const textB = scalarText(b);
  if (textA === undefined || textB === undefined) {
    return false;
  }
  if (textA === textB) {
    return true;
  }
  // "8080.0" vs 8080, " 1" is not a number on purpose.
  const numberA = Number(textA);
  const numberB = Number(textB);
  return (
    textA.trim() === textA &&
    textB.trim() === textB &&
    textA !== '' &&
    textB !== '' &&
    Number.isFinite(numberA) &&
    numberA === numberB
  );
}

/**
 * `record[key]` for own keys only: a lookup by a key from outside (a kind,
 * a provider name, an annotation value) such as `constructor` must not find
 * what the prototype holds.
 */
export function ownEntry<T>(
  record: Readonly<Record<string, T>>,
  key: string,
): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
