/**
 * Three-way comparison (like Argo CD): what was applied from Git before.
 * A field that the last apply set, that Git no longer declares and that is
 * still live is drift. The record of the last apply is the `managedFields`
 * entries of the GitOps field managers or, on an object without
 * `managedFields`, the `kubectl.kubernetes.io/last-applied-configuration`
 * annotation when it describes the same object.
 */
import { KubeObject } from './types';
import { ListKeyFn } from './listKeys';
import { managedFieldsOwner } from './managedFields';
import { Owner } from './owner';
import { isEmpty, isPlainObject } from './values';

export const LAST_APPLIED_ANNOTATION =
  'kubectl.kubernetes.io/last-applied-configuration';

class LastAppliedOwner implements Owner {
  readonly source = 'last-applied-configuration' as const;
  readonly complete = true;
  private keyed?: Map<string, unknown>;

  constructor(private readonly value: unknown) {}

  isVacuous(): boolean {
    return isEmpty(this.value);
  }

  isLeaf(): boolean {
    if (isPlainObject(this.value)) {
      return false;
    }
    return !(Array.isArray(this.value) && this.value.some(isPlainObject));
  }

  fieldKeys(): string[] {
    return isPlainObject(this.value) ? Object.keys(this.value) : [];
  }

  field(key: string): Owner | undefined {
    if (!isPlainObject(this.value)) {
      return undefined;
    }
    const child = this.value[key];
    return child === undefined || child === null
      ? undefined
      : new LastAppliedOwner(child);
  }

  item(
    liveItem: unknown,
    liveIndex: number,
    key: ListKeyFn | undefined,
  ): Owner | undefined {
    if (!Array.isArray(this.value)) {
      return undefined;
    }
    if (!key) {
      const applied = this.value[liveIndex];
      return applied === undefined || applied === null
        ? undefined
        : new LastAppliedOwner(applied);
    }
    if (!this.keyed) {
      this.keyed = new Map();
      for (const applied of this.value) {
        const id = key(applied);
        if (id !== undefined && !this.keyed.has(id)) {
          this.keyed.set(id, applied);
        }
      }
    }
    const id = key(liveItem);
    const applied = id === undefined ? undefined : this.keyed.get(id);
    return applied === undefined ? undefined : new LastAppliedOwner(applied);
  }

  listItems(): unknown[] | undefined {
    return Array.isArray(this.value) ? this.value : undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The annotation describes this object (same kind and name), not another. */
function describes(
  applied: Record<string, unknown>,
  live: KubeObject,
): boolean {
  const metadata = isPlainObject(applied.metadata)
    ? applied.metadata
    : undefined;
  return applied.kind === live.kind && metadata?.name === live.metadata.name;
}

/**
 * The record of what Git applied to a live object. With `managedFields`, the
 * field managers decide (the last-applied annotation is not read); without
 * them, the last-applied annotation when it describes the same object (one
 * that names another object, or does not parse, is not trusted); with
 * neither, there is no record.
 */
export function ownerOf(
  live: KubeObject,
  gitopsFieldManagers: ReadonlySet<string>,
): Owner | undefined {
  const metadata = isPlainObject(live.metadata) ? live.metadata : undefined;
  const managedFields = metadata?.managedFields;
  if (Array.isArray(managedFields) && managedFields.length > 0) {
    return managedFieldsOwner(managedFields, gitopsFieldManagers);
  }
  const annotations =
    metadata && isPlainObject(metadata.annotations)
      ? metadata.annotations
      : undefined;
  const lastApplied = annotations?.[LAST_APPLIED_ANNOTATION];
  if (typeof lastApplied === 'string' && lastApplied.trim() !== '') {
    const parsed = parseJson(lastApplied);
    if (isPlainObject(parsed) && describes(parsed, live)) {
      return new LastAppliedOwner(parsed);
    }
  }
  return undefined;
}

const TOOL_METADATA_PREFIXES = [
  'argocd.argoproj.io/',
  'kustomize.toolkit.fluxcd.io/',
  'helm.toolkit.fluxcd.io/',
  'kubectl.kubernetes.io/',
];

/**
 * Labels and annotations the GitOps tool itself adds when applying (tracking
 * ids, last-applied): they are in its record but never in Git.
 */
export function isToolMetadataKey(parentPath: string, key: string): boolean {
  if (parentPath === '/metadata') {
    return key === 'name' || key === 'namespace';
  }
  if (
    parentPath !== '/metadata/annotations' &&
    parentPath !== '/metadata/labels'
  ) {
    return false;
  }
  if (key === 'app.kubernetes.io/instance') {
    return true;
  }
  return TOOL_METADATA_PREFIXES.some(prefix => key.startsWith(prefix));
}
