import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityGitopsDetails,
  EntityHistory,
  pragmaticGitopsApiRef,
} from '../../api';
import { useEntityStatusSignal } from '../../hooks/useEntityStatusSignal';

/** What the GitOps tab knows about its entity, and how to refresh it. */
export type EntityDriftState = {
  status: {
    value?: EntityGitopsDetails;
    loading: boolean;
    error?: Error;
  };
  history: {
    value?: EntityHistory;
    loading: boolean;
    error?: Error;
    retry: () => void;
  };
  refresh: () => void;
  /** Reads status and history again, e.g. after a hotfix was recorded. */
  reload: () => void;
  refreshing: boolean;
  refreshError?: Error;
};

/**
 * Loads the entity's status and history. A refresh asks the backend to
 * recompute the drift now; its answer replaces the loaded status and the
 * history is read again. A failed refresh keeps the status shown.
 */
export function useEntityDrift(entity: Entity): EntityDriftState {
  const api = useApi(pragmaticGitopsApiRef);
  const kind = entity.kind;
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const [refreshed, setRefreshed] = useState<EntityGitopsDetails>();

  const status = useAsyncRetry(
    () => api.getEntityStatus({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  const history = useAsyncRetry(
    () => api.getEntityHistory({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  const { retry: reloadHistory } = history;
  const { retry: reloadStatus } = status;

  const [refreshState, refresh] = useAsyncFn(async () => {
    const next = await api.refreshEntity({ kind, namespace, name });
    setRefreshed(next);
    reloadHistory();
    return next;
  }, [api, kind, namespace, name, reloadHistory]);

  const reload = () => {
    setRefreshed(undefined);
    reloadStatus();
    reloadHistory();
  };
  useEntityStatusSignal(entity, reload);

  return {
    status: {
      value: refreshed ?? status.value,
      loading: status.loading,
      error: refreshed ? undefined : status.error,
    },
    history: {
      value: history.value,
      loading: history.loading,
      error: history.error,
      retry: reloadHistory,
    },
    refresh: () => {
      refresh().catch(() => {
        // The error is kept in refreshState and shown inline.
      });
    },
    reload,
    refreshing: refreshState.loading,
    refreshError: refreshState.error,
  };
}
