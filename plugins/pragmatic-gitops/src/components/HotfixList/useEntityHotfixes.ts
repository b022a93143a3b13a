import { useCallback, useMemo, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { Hotfix, HotfixList } from '../../api/types';
import { sortHotfixes } from './sortHotfixes';

/**
 * The most the backend gives in one page; an entity's whole ledger fits,
 * so open hotfixes are never cut off by paging.
 */
const LIMIT = 500;

/** The hotfixes of one entity, and how to keep them current. */
export type EntityHotfixesState = {
  /** Open ones first, then the rest. */
  hotfixes?: Hotfix[];
  loading: boolean;
  error?: Error;
  /** Reads the list again. */
  retry: () => void;
  /** Shows a hotfix the user just recorded or changed, before the reload. */
  update: (hotfix: Hotfix) => void;
};

/**
 * Every hotfix of an entity from `GET /hotfixes?entityRef=`. Hotfixes the
 * user just recorded, back-ported or abandoned replace what was read until
 * the list is read again.
 */
export function useEntityHotfixes(entityRef: string): EntityHotfixesState {
  const api = useApi(pragmaticGitopsApiRef);
  const list = useAsyncRetry(
    () => api.listHotfixes({ entityRef, limit: LIMIT }),
    [api, entityRef],
  );
  // Local updates apply to the answer they were made over; a new answer of
  // the backend supersedes them.
  const [local, setLocal] = useState<{
    over?: HotfixList;
    hotfixes: Record<string, Hotfix>;
  }>({ hotfixes: {} });
  const current = useRef(list.value);
  current.current = list.value;

  const update = useCallback(
    (hotfix: Hotfix) =>
      setLocal(previous => ({
        over: current.current,
        hotfixes: {
          ...(previous.over === current.current ? previous.hotfixes : {}),
          [hotfix.id]: hotfix,
        },
      })),
    [],
  );

  const hotfixes = useMemo(() => {
    const updated = local.over === list.value ? local.hotfixes : {};
    if (!list.value && Object.keys(updated).length === 0) {
      return undefined;
    }
    const read = list.value?.items ?? [];
    const added = Object.values(updated).filter(
      hotfix => !read.some(item => item.id === hotfix.id),
    );
    return sortHotfixes([
      ...read.map(item => updated[item.id] ?? item),
      ...added,
    ]);
  }, [list.value, local]);

  return {
    hotfixes,
    loading: list.loading,
    error: list.error,
    retry: list.retry,
    update,
  };
}
