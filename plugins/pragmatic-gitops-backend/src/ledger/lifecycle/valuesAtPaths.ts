/**
 * Reads the values a hotfix change names. Pointers index lists by their
 * position in the desired list (as the engine reports them); the live item
 * for such a position is found with the engine's list keys (containers by
 * name, ports by number, …), so a reordered live list still lines up.
 * Malformed pointers read as "absent"; nothing here throws.
 */
import { chooseListKey } from '../../engine/listKeys';
import { parsePointer } from '../../engine/jsonPointer';
import { isPlainObject } from '../../engine/values';

const INDEX = /^(0|[1-9]\d*)$/;

function tokensOf(pointer: string): string[] | undefined {
  try {
    return parsePointer(pointer);
  } catch {
    return undefined;
  }
}

function member(value: unknown, token: string): unknown {
  if (isPlainObject(value)) {
    return Object.prototype.hasOwnProperty.call(value, token)
      ? value[token]
      : undefined;
  }
  if (Array.isArray(value) && INDEX.test(token)) {
    return value[Number(token)];
  }
  return undefined;
}

/** The value at `pointer` in one tree, by plain position (Terraform values). */
export function valueAt(root: unknown, pointer: string): unknown {
  const tokens = tokensOf(pointer);
  if (!tokens) {
    return undefined;
  }
  let node = root;
  for (const token of tokens) {
    node = member(node, token);
    if (node === undefined) {
      return undefined;
    }
  }
  return node;
}

/** Live items of a list that no desired item accounts for (`/-`). */
function unmatchedLive(
  field: string,
  desired: unknown[],
  live: unknown[],
): unknown[] {
  const key = chooseListKey(field, desired, live);
  if (!key) {
    return live.slice(desired.length);
  }
  const keys = new Set(desired.map(item => key(item)));
  return live.filter(item => !keys.has(key(item)));
}

/**
 * The desired and live values at `pointer`, the live side aligned to the
 * desired side list by list.
 */
export function alignedValuesAt(
  desiredRoot: unknown,
  liveRoot: unknown,
  pointer: string,
): { desired: unknown; live: unknown } {
  const tokens = tokensOf(pointer);
  if (!tokens) {
    return { desired: undefined, live: undefined };
  }
  let desired = desiredRoot;
  let live = liveRoot;
  let field = '';
  for (const token of tokens) {
    if (Array.isArray(desired) || Array.isArray(live)) {
      const desiredList = Array.isArray(desired) ? desired : [];
      const liveList = Array.isArray(live) ? live : [];
      if (token === '-') {
        desired = undefined;
        live = unmatchedLive(field, desiredList, liveList);
        continue;
      }
      if (!INDEX.test(token)) {
        return { desired: undefined, live: undefined };
      }
      const index = Number(token);
      desired = desiredList[index];
      const key =
        desired === undefined
          ? undefined
          : chooseListKey(field, desiredList, liveList);
      if (key) {
        const wanted = key(desired);
        live = liveList.find(item => key(item) === wanted);
      } else {
        live = liveList[index];
      }
    } else {
      desired = member(desired, token);
      live = member(live, token);
      field = token;
    }
    if (desired === undefined && live === undefined) {
      break;
    }
  }
  return { desired, live };
}
