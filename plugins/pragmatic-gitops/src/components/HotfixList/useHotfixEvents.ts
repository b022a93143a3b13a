import { useEffect, useRef } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useApi } from '@backstage/core-plugin-api';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { Hotfix } from '../../api/types';

/**
 * The hotfix with its events: as given when it carries them, otherwise read
 * once with `GET /hotfixes/{id}` when `enabled` (lists may leave events
 * out). A status change (back-port, abandon) reads them again.
 */
export function useHotfixEvents(hotfix: Hotfix, enabled: boolean) {
  const api = useApi(pragmaticGitopsApiRef);
  const { id } = hotfix;
  const key = `${id}|${hotfix.status}`;
  const [state, load] = useAsyncFn(
    async (forKey: string) => ({
      key: forKey,
      hotfix: await api.getHotfix(id),
    }),
    [api, id],
  );

  const needed = enabled && !hotfix.events;
  const attempted = useRef<string>();
  useEffect(() => {
    if (needed && attempted.current !== key) {
      attempted.current = key;
      load(key);
    }
  }, [needed, key, load]);

  const fetched = state.value?.key === key ? state.value.hotfix : undefined;
  return {
    hotfix: hotfix.events ? hotfix : fetched ?? hotfix,
    loading: needed && !fetched && state.loading,
    error: needed && !fetched ? state.error : undefined,
    retry: () => load(key),
  };
}
