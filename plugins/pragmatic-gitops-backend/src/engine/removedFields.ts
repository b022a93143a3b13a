/**
 * The three-way part of the comparison: what Git applied before (see
 * threeWay.ts), no longer declares, and is still live.
 */
import { Difference } from './types';
import { childFlags, Context, emit } from './compareContext';
import { appendToken } from './jsonPointer';
import { chooseListKey } from './listKeys';
import { Owner } from './owner';
import { isToolMetadataKey } from './threeWay';
import { isDeepEmpty, isPlainObject } from './values';

/**
 * Reports what Git applied below `path` and no longer declares. Returns true
 * when the whole live value was applied by Git (then one difference at
 * `path` is enough).
 */
export function reportRemoved(
  ctx: Context,
  owner: Owner,
  live: unknown,
  path: string,
  field: string,
  flags: number,
  out: Difference[],
): boolean {
  if (owner.isVacuous()) {
    return false; // Git applied an empty value here: nothing to remove
  }
  if (owner.isLeaf() || (!isPlainObject(live) && !Array.isArray(live))) {
    emit(ctx, out, path, undefined, live, flags, owner.source);
    return true;
  }
  if (isPlainObject(live)) {
    const local: Difference[] = [];
    let whole = true;
    for (const key of Object.keys(live)) {
      const value = live[key];
      if (isDeepEmpty(value)) {
        continue;
      }
      const child = isToolMetadataKey(path, key) ? undefined : owner.field(key);
      const childPath = appendToken(path, key);
      if (!child) {
        whole = false;
      } else if (
        !reportRemoved(
          ctx,
          child,
          value,
          childPath,
          key,
          childFlags(ctx, path, childPath, key, undefined, live, flags),
          local,
        )
      ) {
        whole = false;
      }
    }
    if (whole && local.length > 0) {
      emit(ctx, out, path, undefined, live, flags, owner.source);
      return true;
    }
    out.push(...local);
    return false;
  }
  const key = chooseListKey(field, owner.listItems() ?? [], live);
  const applied = live.map(
    (item, index) =>
      !isDeepEmpty(item) && owner.item(item, index, key) !== undefined,
  );
  if (applied.length > 0 && applied.every(Boolean)) {
    emit(ctx, out, path, undefined, live, flags, owner.source);
    return true;
  }
  applied.forEach((isApplied, index) => {
    if (isApplied) {
      emit(ctx, out, `${path}/-`, undefined, live[index], flags, owner.source);
    }
  });
  return false;
}
