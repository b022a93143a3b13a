import { FieldChangedBy } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { ExplainedResourceDrift, HotfixChange } from '../../api/types';
import { addedEntryName } from '../../utils/differenceName';

/** One field of a resource that a hotfix may have changed. */
export type ChangePath = {
  path: string;
  /** A person's name for it, e.g. `env FEATURE_FAST_REFUNDS added`. */
  label?: string;
  selected: boolean;
  /** The hotfix that already explains this difference, if any. */
  explainedBy?: string;
  /** Who wrote the live field, when the live object records it. */
  changedBy?: FieldChangedBy;
};

/** One resource of the "what was changed" checklist. */
export type ChangeItem = {
  key: string;
  kind: string;
  namespace?: string;
  name: string;
  selected: boolean;
  paths: ChangePath[];
  /** Drift status of a resource taken from the drift. */
  status?: string;
  /** Typed in by hand, so it can be removed again. */
  manual?: boolean;
  explainedBy?: string;
};

/** What is typed into the "add a resource by hand" fields. */
export type ManualChange = {
  kind: string;
  namespace: string;
  name: string;
  paths: string;
};

function itemKey(kind: string, namespace: string | undefined, name: string) {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/**
 * The checklist, prefilled from the resources that are not in sync. What no
 * hotfix explains yet starts checked; what one already explains does not.
 */
export function itemsFromDrift(
  resources: ExplainedResourceDrift[],
): ChangeItem[] {
  return resources
    .filter(resource => resource.status !== 'in-sync')
    .map(resource => {
      const seen = new Set<string>();
      const paths: ChangePath[] = [];
      for (const difference of resource.differences ?? []) {
        if (!seen.has(difference.path)) {
          seen.add(difference.path);
          const label = addedEntryName(difference);
          paths.push({
            path: difference.path,
            ...(label ? { label } : {}),
            selected: !difference.explainedBy && !resource.explainedBy,
            explainedBy: difference.explainedBy,
            ...(difference.changedBy
              ? { changedBy: difference.changedBy }
              : {}),
          });
        }
      }
      const unexplained =
        paths.length === 0
          ? !resource.explainedBy
          : paths.some(path => path.selected);
      return {
        key: itemKey(resource.kind, resource.namespace, resource.name),
        kind: resource.kind,
        namespace: resource.namespace,
        name: resource.name,
        selected: unexplained,
        paths,
        status: resource.status,
        explainedBy: resource.explainedBy,
      };
    });
}

export function toggleItem(items: ChangeItem[], key: string): ChangeItem[] {
  return items.map(item =>
    item.key === key ? { ...item, selected: !item.selected } : item,
  );
}

/** Checking a field checks its resource too. */
export function togglePath(
  items: ChangeItem[],
  key: string,
  path: string,
): ChangeItem[] {
  return items.map(item => {
    if (item.key !== key) {
      return item;
    }
    const paths = item.paths.map(p =>
      p.path === path ? { ...p, selected: !p.selected } : p,
    );
    const checked = paths.some(p => p.path === path && p.selected);
    return { ...item, paths, selected: item.selected || checked };
  });
}

export function removeItem(items: ChangeItem[], key: string): ChangeItem[] {
  return items.filter(item => item.key !== key);
}

/** `/spec/replicas, /spec/template/…` as a list; blanks left out. */
export function splitPaths(text: string): string[] {
  return text
    .split(',')
    .map(path => path.trim())
    .filter(Boolean);
}

/** True when nothing is typed into the row. */
export function isEmptyManualChange(change: ManualChange): boolean {
  return Object.values(change).every(value => !value.trim());
}

/** What is wrong with a resource typed in by hand, if anything. */
export function checkManualChange(change: ManualChange): string | undefined {
  if (!change.kind.trim() || !change.name.trim()) {
    return 'Give at least the kind and the name of the resource.';
  }
  const bad = splitPaths(change.paths).find(path => !path.startsWith('/'));
  if (bad) {
    return `"${bad}" is not a JSON pointer: fields look like /spec/replicas.`;
  }
  return undefined;
}

/**
 * Adds a resource typed in by hand, checked with all its fields; one that
 * is already listed gets the new fields instead.
 */
export function addManualChange(
  items: ChangeItem[],
  change: ManualChange,
): ChangeItem[] {
  const kind = change.kind.trim();
  const namespace = change.namespace.trim() || undefined;
  const name = change.name.trim();
  const key = itemKey(kind, namespace, name);
  const newPaths = splitPaths(change.paths);
  const existing = items.find(item => item.key === key);
  if (existing) {
    const known = new Set(existing.paths.map(p => p.path));
    const paths = [
      ...existing.paths.map(p =>
        newPaths.includes(p.path) ? { ...p, selected: true } : p,
      ),
      ...newPaths
        .filter(path => !known.has(path))
        .map(path => ({ path, selected: true })),
    ];
    return items.map(item =>
      item.key === key ? { ...item, paths, selected: true } : item,
    );
  }
  const paths = [...new Set(newPaths)].map(path => ({ path, selected: true }));
  return [
    ...items,
    { key, kind, namespace, name, selected: true, paths, manual: true },
  ];
}

/**
 * The `changes` of the request: every checked resource with its checked
 * fields; a resource with no field checked stands for the whole resource.
 */
export function toHotfixChanges(items: ChangeItem[]): HotfixChange[] {
  return items
    .filter(item => item.selected)
    .map(item => {
      const paths = item.paths.filter(p => p.selected).map(p => p.path);
      return {
        kind: item.kind,
        ...(item.namespace ? { namespace: item.namespace } : {}),
        name: item.name,
        ...(paths.length > 0 ? { paths } : {}),
      };
    });
}
