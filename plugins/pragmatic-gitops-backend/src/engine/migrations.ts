/**
 * Schema migrations (imperative track): which migrations in Git are not yet
 * applied, in natural order (V2 before V10).
 */
import { isPlainObject } from './values';

const CHUNK = /(\d+|\D+)/g;

function compareDigits(a: string, b: string): number {
  const left = a.replace(/^0+(?=\d)/, '');
  const right = b.replace(/^0+(?=\d)/, '');
  if (left.length !== right.length) {
    return left.length - right.length;
  }
  return codeUnitOrder(left, right);
}

function codeUnitOrder(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Natural order: digit runs compare by value, the rest by code unit. */
export function naturalCompare(a: string, b: string): number {
  const left = a.match(CHUNK) ?? [];
  const right = b.match(CHUNK) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === y) {
      continue;
    }
    const xDigits = x.charCodeAt(0) >= 48 && x.charCodeAt(0) <= 57;
    const yDigits = y.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57;
    if (xDigits && yDigits) {
      const order = compareDigits(x, y);
      if (order !== 0) {
        return order;
      }
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (left.length !== right.length) {
    return left.length - right.length;
  }
  return codeUnitOrder(a, b);
}

/** Display name of a migration: a string, or a Flyway-info-like object. */
function nameOf(entry: unknown): string | undefined {
  if (typeof entry === 'string') {
    return entry.trim() || undefined;
  }
  if (typeof entry === 'number') {
    return String(entry);
  }
  if (isPlainObject(entry)) {
    for (const field of ['script', 'name', 'version', 'id']) {
      const value = entry[field];
      if (typeof value === 'string' && value.trim() !== '') {
        return value.trim();
      }
      if (typeof value === 'number') {
        return String(value);
      }
    }
  }
  return undefined;
}

function stripZeros(version: string): string {
  return version
    .split('.')
    .map(part => part.replace(/^0+(?=\d)/, ''))
    .join('.');
}

/**
 * Identity used to decide whether an available migration was applied, so
 * `V2__add_refunds.sql`, `V2__add_refunds`, `V2` and `2` are the same.
 */
export function migrationId(name: string): string {
  const base = name
    .replace(/\.(up|down)?\.?(sql|js|ts|py|rb|go|xml|yaml|yml|json|cql)$/i, '')
    .replace(/\.up$/i, '');
  const flyway = /^[VvUu](\d+(?:[._]\d+)*)(?:__.*)?$/.exec(base);
  if (flyway) {
    return stripZeros(flyway[1].replace(/_/g, '.'));
  }
  if (/^\d+(?:\.\d+)*$/.test(base)) {
    return stripZeros(base);
  }
  const numbered = /^(\d+)[_-]/.exec(base);
  if (numbered) {
    return stripZeros(numbered[1]);
  }
  return base;
}

/**
 * Migrations available (Git ∪ reported by the live system) but not applied,
 * deduplicated and naturally sorted.
 */
export function notAppliedMigrations(
  available: readonly unknown[],
  applied: readonly unknown[],
): string[] {
  const appliedIds = new Set<string>();
  for (const entry of applied) {
    if (isPlainObject(entry) && entry.success === false) {
      continue; // a failed migration is not applied
    }
    const name = nameOf(entry);
    if (name !== undefined) {
      appliedIds.add(migrationId(name));
    }
  }
  const pending = new Map<string, string>();
  for (const entry of available) {
    const name = nameOf(entry);
    if (name === undefined) {
      continue;
    }
    const id = migrationId(name);
    if (!appliedIds.has(id) && !pending.has(id)) {
      pending.set(id, name);
    }
  }
  return [...pending.values()].sort(naturalCompare);
}
