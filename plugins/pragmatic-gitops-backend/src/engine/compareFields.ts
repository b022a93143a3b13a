/**
 * Field-by-field comparison of one desired object with its live
 * counterpart. Only what desired declares is compared (live-only fields are
 * server defaults), except list entries absent from desired (declarative
 * track, unless a complete record of the last apply shows someone else added
 * them) and fields Git applied before and no longer declares (three-way).
 */
import { Difference, KubeObject } from './types';
import {
  childFlags,
  Context,
  createContext,
  emit,
  scalarsEqual,
} from './compareContext';
import { ObjectIgnores } from './ignoreRules';
import { appendToken } from './jsonPointer';
import { chooseListKey, ListKeyFn } from './listKeys';
import { comparableObject } from './normalize';
import { reportRemoved } from './removedFields';
import { compareSecretData } from './secretData';
import { Owner } from './owner';
import { isToolMetadataKey } from './threeWay';
import { hasOwn, isDeepEmpty, isPlainObject, JsonObject } from './values';

export type CompareOptions = {
  /** Live list entries absent from desired count as drift (declarative track). */
  countExtraListEntries: boolean;
  /** What Git applied before (three-way rule). */
  owner?: Owner;
  /** Rules of this object: a difference above a rule's pointer is split so the rule can apply. */
  ignores: ObjectIgnores;
};

const SECRET_PAYLOAD = new Set(['data', 'stringData']);

function compareFields(
  ctx: Context,
  desired: JsonObject,
  live: JsonObject | undefined,
  owner: Owner | undefined,
  path: string,
  flags: number,
  skip?: ReadonlySet<string>,
): void {
  for (const key of Object.keys(desired)) {
    if (skip !== undefined && skip.has(key)) {
      continue;
    }
    const value = desired[key];
    const childPath = appendToken(path, key);
    // A declared non-empty scalar compares by value: what Git applied before does not matter.
    const needsOwner =
      owner !== undefined &&
      (typeof value === 'object' || value === undefined || value === '') &&
      !isToolMetadataKey(path, key);
    compareValue(
      ctx,
      value,
      live === undefined ? undefined : live[key],
      needsOwner ? owner.field(key) : undefined,
      childPath,
      key,
      childFlags(ctx, path, childPath, key, desired, live, flags),
    );
  }
  if (owner === undefined || live === undefined) {
    return;
  }
  for (const key of owner.fieldKeys()) {
    if (
      desired[key] !== undefined ||
      hasOwn(desired, key) ||
      (skip !== undefined && skip.has(key)) ||
      isToolMetadataKey(path, key)
    ) {
      continue;
    }
    const value = live[key];
    const childOwner = isDeepEmpty(value) ? undefined : owner.field(key);
    if (childOwner) {
      const childPath = appendToken(path, key);
      reportRemoved(
        ctx,
        childOwner,
        value,
        childPath,
        key,
        childFlags(ctx, path, childPath, key, undefined, live, flags),
        ctx.out,
      );
    }
  }
}

function extraEntry(
  ctx: Context,
  item: unknown,
  index: number,
  owner: Owner | undefined,
  key: ListKeyFn | undefined,
  path: string,
  flags: number,
): void {
  if (isDeepEmpty(item)) {
    return;
  }
  const applied = owner?.item(item, index, key);
  // Neither Git nor a complete record of the last apply holds it: someone
  // else (a webhook, a sidecar injector, an operator) added it.
  if (applied || (ctx.countExtraListEntries && !ctx.completeRecord)) {
    emit(
      ctx,
      ctx.out,
      `${path}/-`,
      undefined,
      item,
      flags,
      applied ? owner!.source : undefined,
    );
  }
}

function compareList(
  ctx: Context,
  desired: unknown[],
  live: unknown[],
  owner: Owner | undefined,
  path: string,
  field: string,
  flags: number,
): void {
  const key = chooseListKey(field, desired, live);
  if (!key) {
    for (let i = 0; i < desired.length; i++) {
      const liveItem = i < live.length ? live[i] : undefined;
      const itemOwner =
        liveItem === undefined
          ? undefined
          : owner?.item(liveItem, i, undefined);
      compareValue(
        ctx,
        desired[i],
        liveItem,
        itemOwner,
        appendToken(path, i),
        field,
        flags,
      );
    }
    for (let j = desired.length; j < live.length; j++) {
      extraEntry(ctx, live[j], j, owner, undefined, path, flags);
    }
    return;
  }
  const index = new Map<string, number[]>();
  for (let j = 0; j < live.length; j++) {
    const id = key(live[j]);
    if (id !== undefined) {
      const list = index.get(id);
      if (list) {
        list.push(j);
      } else {
        index.set(id, [j]);
      }
    }
  }
  const used = new Uint8Array(live.length);
  for (let i = 0; i < desired.length; i++) {
    const candidates = index.get(key(desired[i])!);
    const j = candidates?.find(candidate => !used[candidate]);
    const itemPath = appendToken(path, i);
    if (j === undefined) {
      compareValue(
        ctx,
        desired[i],
        undefined,
        undefined,
        itemPath,
        field,
        flags,
      );
    } else {
      used[j] = 1;
      compareValue(
        ctx,
        desired[i],
        live[j],
        owner?.item(live[j], j, key),
        itemPath,
        field,
        flags,
      );
    }
  }
  for (let j = 0; j < live.length; j++) {
    if (!used[j]) {
      extraEntry(ctx, live[j], j, owner, key, path, flags);
    }
  }
}

function compareValue(
  ctx: Context,
  desired: unknown,
  live: unknown,
  owner: Owner | undefined,
  path: string,
  field: string,
  flags: number,
): void {
  if (typeof desired !== 'object' || desired === null) {
    if (desired === undefined || desired === null || desired === '') {
      notDeclared(ctx, owner, live, path, field, flags);
    } else if (!scalarsEqual(desired, live, flags)) {
      emit(ctx, ctx.out, path, desired, live, flags);
    }
    return;
  }
  if (Array.isArray(desired)) {
    if (desired.length === 0) {
      notDeclared(ctx, owner, live, path, field, flags);
    } else if (Array.isArray(live)) {
      compareList(ctx, desired, live, owner, path, field, flags);
    } else if (isDeepEmpty(live) && ctx.ignores.hasRuleBelow(path)) {
      compareList(ctx, desired, [], undefined, path, field, flags);
    } else {
      emit(ctx, ctx.out, path, desired, live, flags);
    }
    return;
  }
  if (isDeepEmpty(desired)) {
    notDeclared(ctx, owner, live, path, field, flags);
  } else if (isPlainObject(live)) {
    compareFields(ctx, desired as JsonObject, live, owner, path, flags);
  } else if (isDeepEmpty(live) && ctx.ignores.hasRuleBelow(path)) {
    compareFields(
      ctx,
      desired as JsonObject,
      undefined,
      undefined,
      path,
      flags,
    );
  } else {
    emit(ctx, ctx.out, path, desired, live, flags);
  }
}

/** Desired declares nothing here: live is a server default, unless Git applied it before. */
function notDeclared(
  ctx: Context,
  owner: Owner | undefined,
  live: unknown,
  path: string,
  field: string,
  flags: number,
): void {
  if (owner !== undefined && !isDeepEmpty(live)) {
    reportRemoved(ctx, owner, live, path, field, flags, ctx.out);
  }
}

/**
 * Differences between a desired object and its live counterpart, as JSON
 * pointers into the desired object. Secret values are already masked.
 */
export function compareObject(
  desired: KubeObject,
  live: KubeObject,
  options: CompareOptions,
): Difference[] {
  return compareNormalised(
    desired.kind,
    comparableObject(desired),
    comparableObject(live),
    options,
  );
}

/** `compareObject` over objects already normalised by `comparableObject`. */
export function compareNormalised(
  kind: string,
  desiredFields: JsonObject,
  liveFields: JsonObject,
  options: CompareOptions,
): Difference[] {
  const ctx = createContext(
    kind,
    options.countExtraListEntries,
    options.ignores,
    options.owner?.complete ?? false,
  );
  let skip: ReadonlySet<string> | undefined;
  if (kind === 'Secret') {
    compareSecretData(desiredFields, liveFields, options.owner, ctx.out);
    skip = SECRET_PAYLOAD;
  }
  compareFields(ctx, desiredFields, liveFields, options.owner, '', 0, skip);
  return ctx.out;
}
