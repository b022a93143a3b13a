import { createContext, ReactNode, useContext, useMemo } from 'react';
import { ExplainedResourceDrift, HotfixChange } from '../../api/types';
import { addedEntriesName, entryKey } from '../../utils/differenceName';

type AddedEntry = { key: string; explainedBy?: string };

/** Added list entries of the entity's drift, by `kind|namespace|name|pointer`. */
type AddedEntries = ReadonlyMap<string, AddedEntry[]>;

const AddedEntriesContext = createContext<AddedEntries>(new Map());

const entryId = (
  resource: { kind: string; namespace?: string; name: string },
  path: string,
) => `${resource.kind}|${resource.namespace ?? ''}|${resource.name}|${path}`;

/**
 * A recorded hotfix stores the pointer of an added list entry (`…/env/-`),
 * not its key. While the entity's drift still shows the entry, its key is
 * known: this hands it to the hotfix list, which then says
 * `env FEATURE_FAST_REFUNDS added` rather than `env entry added`.
 */
export function AddedEntriesProvider(props: {
  resources: ExplainedResourceDrift[];
  children: ReactNode;
}) {
  const value = useMemo(() => {
    const entries = new Map<string, AddedEntry[]>();
    for (const resource of props.resources) {
      for (const difference of resource.differences ?? []) {
        const key = difference.path.endsWith('/-')
          ? entryKey(difference.live)
          : undefined;
        if (key === undefined) continue;
        const id = entryId(resource, difference.path);
        const explainedBy = difference.explainedBy ?? resource.explainedBy;
        entries.set(id, [
          ...(entries.get(id) ?? []),
          { key, ...(explainedBy ? { explainedBy } : {}) },
        ]);
      }
    }
    return entries;
  }, [props.resources]);
  return (
    <AddedEntriesContext.Provider value={value}>
      {props.children}
    </AddedEntriesContext.Provider>
  );
}

/**
 * How the hotfix list names a field: an added entry by its key when the
 * drift knows it (the entries this hotfix explains, when the drift says
 * which), else in words; undefined for any other field.
 */
export function useAddedEntryName(
  change: Pick<HotfixChange, 'kind' | 'namespace' | 'name'>,
  path: string,
  hotfixId?: string,
): string | undefined {
  const entries = useContext(AddedEntriesContext);
  const known = [
    ...(entries.get(entryId(change, path)) ?? []),
    // A hotfix recorded without a namespace matches the resource in any.
    ...(change.namespace
      ? []
      : [...entries]
          .filter(([id]) => {
            const [kind, , name, at] = id.split('|');
            return kind === change.kind && name === change.name && at === path;
          })
          .flatMap(([, list]) => list)),
  ];
  const own = known.filter(e => hotfixId && e.explainedBy === hotfixId);
  const keys = (own.length > 0 ? own : known.filter(e => !e.explainedBy)).map(
    e => e.key,
  );
  return addedEntriesName(path, [...new Set(keys)]);
}
