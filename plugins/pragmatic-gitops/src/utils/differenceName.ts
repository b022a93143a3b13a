import { Difference } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** Fields that name a list entry, in the order Kubernetes merge keys use them. */
const KEY_FIELDS = [
  'name',
  'mountPath',
  'containerPort',
  'devicePath',
  'ip',
  'key',
];

function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function keyOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return typeof value === 'string' || typeof value === 'number'
      ? String(value)
      : undefined;
  }
  const record = value as Record<string, unknown>;
  for (const field of KEY_FIELDS) {
    const key = record[field];
    if (typeof key === 'string' || typeof key === 'number') return String(key);
  }
  return undefined;
}

/**
 * A person's name for a list entry Git does not have: `env FEATURE_FAST_REFUNDS
 * added` for the pointer `…/env/-` whose live value is `{ name: … }`.
 * Undefined for any other difference, which is named by its pointer.
 */
export function addedEntryName(
  difference: Pick<Difference, 'path' | 'live' | 'desired' | 'masked'>,
): string | undefined {
  const key = keyOf(difference.live);
  return addedEntriesName(difference.path, key === undefined ? [] : [key]);
}

/**
 * `env A, B added` for the pointer `…/env/-` and the entries' keys; `env
 * entry added` when no key is known. Undefined unless the pointer ends `-`.
 */
export function addedEntriesName(
  path: string,
  keys: string[],
): string | undefined {
  const tokens = path.split('/');
  if (tokens.length < 3 || tokens[tokens.length - 1] !== '-') return undefined;
  const list = unescapeToken(tokens[tokens.length - 2]);
  return keys.length === 0
    ? `${list} entry added`
    : `${list} ${keys.join(', ')} added`;
}

/** The key of an added entry's live value (`name`, `mountPath`…), if it has one. */
export function entryKey(live: unknown): string | undefined {
  return keyOf(live);
}
