import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import {
  DriftStatus,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';

/** The largest page `GET /overview` gives. */
const PAGE_SIZE = 500;

/** The filter choice, and the refs of the entities it keeps. */
export type StatusRefs = {
  track?: Track;
  status?: DriftStatus;
  /** Missing when the entity's own annotations decide. */
  refs?: string[];
};

/**
 * Refs of every entity in `status` (and `track`), read page by page from the
 * overview. Nothing is read without a status, or for `not-tracked`, which
 * the entity's own annotations decide. The answer names the choice it was
 * read for, so an answer to an earlier choice is never applied to a later one.
 */
export function useStatusRefs(track?: Track, status?: DriftStatus) {
  const api = useApi(pragmaticGitopsApiRef);
  return useAsync(async (): Promise<StatusRefs> => {
    if (!status || status === 'not-tracked') {
      return { track, status };
    }
    const refs: string[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await api.getOverview({
        track,
        status,
        offset,
        limit: PAGE_SIZE,
      });
      refs.push(...page.items.map(item => item.entityRef));
      if (page.items.length === 0 || refs.length >= page.totalItems) {
        return { track, status, refs };
      }
    }
  }, [api, track, status]);
}
