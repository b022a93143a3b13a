/**
 * Who changed a drifted field: the field manager whose `managedFields`
 * entry owns the node at the difference's pointer. Only what the live object
 * records is reported; no entry owning the node means no attribution.
 */
import type { FieldChangedBy } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { parsePointer } from './jsonPointer';
import { itemMatcher } from './managedFields';
import { Difference, ManagedFieldsEntry } from './types';
import { isPlainObject, JsonObject } from './values';

const INDEX = /^(0|[1-9]\d*)$/;

/** The child of a `fieldsV1` node for the list item `item` at `index`. */
function itemNode(
  node: JsonObject,
  item: unknown,
  index: number,
): JsonObject | undefined {
  for (const [name, child] of Object.entries(node)) {
    if (!isPlainObject(child)) {
      continue;
    }
    const matcher = itemMatcher(name, child);
    if (matcher?.matches(item, index)) {
      return matcher.node;
    }
  }
  return undefined;
}

/**
 * True when the `fieldsV1` tree holds the node at `tokens`. List positions
 * are read in the desired list (as the engine reports them) and matched by
 * the item's key; `-` is the live entry `liveEntry`.
 */
function owns(
  tree: JsonObject,
  tokens: string[],
  desired: unknown,
  liveEntry: unknown,
): boolean {
  let node: JsonObject | undefined = tree;
  let value = desired;
  for (const token of tokens) {
    if (token === '-') {
      node =
        liveEntry === undefined ? undefined : itemNode(node, liveEntry, -1);
      value = undefined;
    } else if (Array.isArray(value)) {
      const item = INDEX.test(token) ? value[Number(token)] : undefined;
      node =
        item === undefined ? undefined : itemNode(node, item, Number(token));
      value = item;
    } else {
      const child: unknown = Object.hasOwn(node, `f:${token}`)
        ? node[`f:${token}`]
        : undefined;
      node = isPlainObject(child) ? child : undefined;
      value = isPlainObject(value) ? value[token] : undefined;
    }
    if (!node) {
      return false;
    }
  }
  return true;
}

function validTime(time: unknown): string | undefined {
  return typeof time === 'string' && !Number.isNaN(Date.parse(time))
    ? time
    : undefined;
}

function attribution(entry: ManagedFieldsEntry): FieldChangedBy {
  const time = validTime(entry.time);
  return {
    manager: entry.manager as string,
    ...(typeof entry.operation === 'string'
      ? { operation: entry.operation }
      : {}),
    ...(time ? { time } : {}),
  };
}

/** The owner of `path`; of several (shared ownership), the latest writer. */
export function changedByOf(
  entries: ManagedFieldsEntry[] | undefined,
  difference: Difference,
  desired: JsonObject | undefined,
): FieldChangedBy | undefined {
  if (!Array.isArray(entries)) {
    return undefined;
  }
  let tokens: string[];
  try {
    tokens = parsePointer(difference.path);
  } catch {
    return undefined;
  }
  const liveEntry = difference.masked ? undefined : difference.live;
  let best: ManagedFieldsEntry | undefined;
  for (const entry of entries) {
    if (
      !isPlainObject(entry) ||
      typeof entry.manager !== 'string' ||
      entry.manager === '' ||
      (entry.fieldsType !== undefined && entry.fieldsType !== 'FieldsV1') ||
      !isPlainObject(entry.fieldsV1) ||
      !owns(entry.fieldsV1, tokens, desired, liveEntry)
    ) {
      continue;
    }
    const time = Date.parse(validTime(entry.time) ?? '');
    const bestTime = Date.parse(validTime(best?.time) ?? '');
    if (!best || (!Number.isNaN(time) && !(time <= bestTime))) {
      best = entry;
    }
  }
  return best ? attribution(best) : undefined;
}

/** The differences of one live object, each with who changed it when the object says. */
export function withChangedBy(
  differences: Difference[],
  entries: ManagedFieldsEntry[] | undefined,
  desired: JsonObject | undefined,
): Difference[] {
  if (!Array.isArray(entries) || entries.length === 0) {
    return differences;
  }
  return differences.map(difference => {
    const changedBy = changedByOf(entries, difference, desired);
    return changedBy ? { ...difference, changedBy } : difference;
  });
}
