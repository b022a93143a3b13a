import DataLoader from 'dataloader';
import { EntityStatusSummary } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { PragmaticGitopsApi } from '../../api/PragmaticGitopsApi';

/** The most refs the backend answers in one request. */
const MAX_BATCH_SIZE = 500;

const loaders = new WeakMap<
  PragmaticGitopsApi,
  DataLoader<string, EntityStatusSummary | null>
>();

/**
 * Collects the status lookups of every cell rendered in the same tick (one
 * page of the catalog table) into one `POST /entities/by-refs`. Nothing is
 * cached: a page shown again is read again, so it is never stale.
 */
export function entityStatusLoader(
  api: PragmaticGitopsApi,
): DataLoader<string, EntityStatusSummary | null> {
  let loader = loaders.get(api);
  if (!loader) {
    loader = new DataLoader(
      async (entityRefs: readonly string[]) => {
        // The track and the status column of a row ask for the same ref.
        const unique = [...new Set(entityRefs)];
        const { items } = await api.getEntityStatusesByRefs(unique);
        const byRef = new Map(unique.map((ref, i) => [ref, items[i] ?? null]));
        return entityRefs.map(ref => byRef.get(ref) ?? null);
      },
      { cache: false, maxBatchSize: MAX_BATCH_SIZE },
    );
    loaders.set(api, loader);
  }
  return loader;
}
