/**
 * The `managedFields` record of server-side apply (and of client-side
 * apply's Update entries): `fieldsV1` trees of `f:<field>` keys, `k:{json}`
 * list items by key, `v:<json>` set items, `i:<n>` positions and `.` for the
 * node itself. Only the entries of the GitOps field managers are read.
 */
import { ManagedFieldsEntry } from './types';
import { Owner } from './owner';
import { isForbiddenKey } from './untrustedJson';
import { isPlainObject, JsonObject, looseScalarEqual } from './values';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type ItemMatcher = {
  matches: (item: unknown, index: number) => boolean;
  node: JsonObject;
};

function keyFieldEqual(
  field: string,
  expected: unknown,
  actual: unknown,
): boolean {
  if (actual === undefined && field === 'protocol') {
    return expected === 'TCP';
  }
  if (isPlainObject(expected) || Array.isArray(expected)) {
    return JSON.stringify(expected) === JSON.stringify(actual);
  }
  return looseScalarEqual(expected, actual);
}

export function itemMatcher(
  name: string,
  node: JsonObject,
): ItemMatcher | undefined {
  if (name.startsWith('k:')) {
    const keys = parseJson(name.slice(2));
    if (!isPlainObject(keys)) {
      return undefined;
    }
    const entries = Object.entries(keys);
    return {
      node,
      matches: item =>
        isPlainObject(item) &&
        entries.every(([f, v]) => keyFieldEqual(f, v, item[f])),
    };
  }
  if (name.startsWith('v:')) {
    const value = parseJson(name.slice(2));
    return { node, matches: item => keyFieldEqual('', value, item) };
  }
  if (name.startsWith('i:')) {
    const index = Number(name.slice(2));
    return { node, matches: (_item, itemIndex) => itemIndex === index };
  }
  return undefined;
}

/** Owner over a (merged) `fieldsV1` tree: `f:` fields, `k:`/`v:`/`i:` list items, `.` self. */
class ManagedFieldsOwner implements Owner {
  readonly source = 'managed-fields' as const;
  readonly complete = false;
  private matchers?: ItemMatcher[];

  constructor(private readonly node: JsonObject) {}

  isVacuous(): boolean {
    return false;
  }

  isLeaf(): boolean {
    for (const name of Object.keys(this.node)) {
      if (name !== '.') {
        return false;
      }
    }
    return true;
  }

  fieldKeys(): string[] {
    const keys: string[] = [];
    for (const name of Object.keys(this.node)) {
      if (name.startsWith('f:')) {
        keys.push(name.slice(2));
      }
    }
    return keys;
  }

  field(key: string): Owner | undefined {
    const name = `f:${key}`;
    const child = Object.hasOwn(this.node, name) ? this.node[name] : undefined;
    return isPlainObject(child) ? new ManagedFieldsOwner(child) : undefined;
  }

  item(liveItem: unknown, liveIndex: number): Owner | undefined {
    if (!this.matchers) {
      this.matchers = [];
      for (const [name, child] of Object.entries(this.node)) {
        const matcher = isPlainObject(child)
          ? itemMatcher(name, child)
          : undefined;
        if (matcher) {
          this.matchers.push(matcher);
        }
      }
    }
    for (const matcher of this.matchers) {
      if (matcher.matches(liveItem, liveIndex)) {
        return new ManagedFieldsOwner(matcher.node);
      }
    }
    return undefined;
  }

  listItems(): unknown[] | undefined {
    return undefined;
  }
}

/**
 * Merges field sets into prototype-less objects, skipping keys of the
 * prototype chain: the trees come from live objects, i.e. from outside.
 */
function mergeInto(target: JsonObject, source: JsonObject): void {
  for (const [key, value] of Object.entries(source)) {
    if (!isPlainObject(value) || isForbiddenKey(key)) {
      continue;
    }
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isPlainObject(existing)) {
      mergeInto(existing, value);
    } else {
      const copy: JsonObject = Object.create(null);
      mergeInto(copy, value);
      target[key] = copy;
    }
  }
}

/** Owner over the union of the GitOps managers' field sets, if they own anything. */
export function managedFieldsOwner(
  entries: ManagedFieldsEntry[] | undefined,
  managers: ReadonlySet<string>,
): Owner | undefined {
  if (!Array.isArray(entries)) {
    return undefined;
  }
  const trees: JsonObject[] = [];
  for (const entry of entries) {
    if (
      isPlainObject(entry) &&
      typeof entry.manager === 'string' &&
      managers.has(entry.manager) &&
      (entry.fieldsType === undefined || entry.fieldsType === 'FieldsV1') &&
      isPlainObject(entry.fieldsV1)
    ) {
      trees.push(entry.fieldsV1);
    }
  }
  if (trees.length === 0) {
    return undefined;
  }
  if (trees.length === 1) {
    return new ManagedFieldsOwner(trees[0]);
  }
  const merged: JsonObject = Object.create(null);
  for (const tree of trees) {
    mergeInto(merged, tree);
  }
  return new ManagedFieldsOwner(merged);
}
