import { SecretRef, SecretUsage } from './types';

function identity(ref: SecretRef): string {
  return JSON.stringify([
    ref.via,
    ref.store.kind,
    ref.store.name ?? null,
    ref.key,
    ref.property ?? null,
    ref.version ?? null,
    ref.declaredBy?.kind ?? null,
    ref.declaredBy?.name ?? null,
  ]);
}

function usageKey(usage: SecretUsage): string {
  return JSON.stringify([usage.kind, usage.name, usage.container ?? null]);
}

export function addUsage(ref: SecretRef, usage: SecretUsage): void {
  if (!ref.usedBy.some(u => usageKey(u) === usageKey(usage))) {
    ref.usedBy.push(usage);
  }
}

/** Merges references to the same secret found more than once; users are united. */
export function mergeRefs(refs: SecretRef[]): SecretRef[] {
  const merged = new Map<string, SecretRef>();
  for (const ref of refs) {
    const id = identity(ref);
    const existing = merged.get(id);
    if (existing) {
      ref.usedBy.forEach(usage => addUsage(existing, usage));
    } else {
      const copy = { ...ref, usedBy: [] as SecretUsage[] };
      ref.usedBy.forEach(usage => addUsage(copy, usage));
      merged.set(id, copy);
    }
  }
  return [...merged.values()];
}
