/**
 * Digests of values that may be secret: sha256 over a canonical JSON text
 * (object keys sorted), so equal values give equal digests whatever the key
 * order, and the value itself can never be read back.
 */
import { createHash } from 'node:crypto';

/** JSON text with object keys sorted at every level; `undefined` members are dropped. */
export function stableStringify(value: unknown): string {
  if (value === undefined) {
    return 'null';
  }
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return 'null';
    }
    if (typeof value === 'bigint') {
      return JSON.stringify(value.toString());
    }
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map(item => stableStringify(item)).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (record[key] !== undefined) {
      members.push(`${JSON.stringify(key)}:${stableStringify(record[key])}`);
    }
  }
  return `{${members.join(',')}}`;
}

/** `sha256:<hex>` of the canonical JSON of `value`. */
export function digestValue(value: unknown): string {
  return `sha256:${createHash('sha256')
    .update(stableStringify(value))
    .digest('hex')}`;
}
