import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  DRIFT_STATUSES,
  DriftStatus,
  OVERVIEW_FINDINGS,
  OverviewFinding,
  OverviewSort,
  Track,
  TRACKS,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** Hotfix filters of the table: entities that owe or lost a hotfix. */
export const HOTFIX_FILTERS = ['pending', 'overdue', 'reverted'] as const;
export type HotfixFilter = (typeof HOTFIX_FILTERS)[number];

const SORTS: readonly OverviewSort[] = ['status', 'since', 'name', 'owner'];
const ORDERS = ['asc', 'desc'] as const;

/** The filters and order of the fleet page. */
export type FleetFilters = {
  /** `invalid`: entities whose track annotation is not a track. */
  track?: Track | 'invalid';
  status?: DriftStatus;
  owner?: string;
  q?: string;
  finding?: OverviewFinding;
  /** `hand`: drift made by a field manager that is not a GitOps one. */
  changedBy?: 'hand';
  hotfixes?: HotfixFilter;
  sort?: OverviewSort;
  order?: 'asc' | 'desc';
};

function oneOf<T extends string>(
  values: readonly T[],
  value: string | null,
): T | undefined {
  return values.find(v => v === value);
}

/**
 * The fleet filters, kept in the page URL (`?track=&status=&owner=&q=…`) so
 * a filtered, sorted view can be bookmarked and shared. Unknown values are
 * ignored.
 */
export function useFleetFilters(): [
  FleetFilters,
  (change: Partial<FleetFilters>) => void,
] {
  const [params, setParams] = useSearchParams();
  const track = oneOf<Track | 'invalid'>(
    [...TRACKS, 'invalid'],
    params.get('track'),
  );
  const status = oneOf(DRIFT_STATUSES, params.get('status'));
  const owner = params.get('owner')?.trim() || undefined;
  const q = params.get('q')?.trim() || undefined;
  const finding = oneOf(OVERVIEW_FINDINGS, params.get('finding'));
  const changedBy = oneOf(['hand'] as const, params.get('changedBy'));
  const hotfixes = oneOf(HOTFIX_FILTERS, params.get('hotfixes'));
  const sort = oneOf(SORTS, params.get('sort'));
  const order = oneOf(ORDERS, params.get('order'));

  const filters = useMemo(
    () => ({
      track,
      status,
      owner,
      q,
      finding,
      changedBy,
      hotfixes,
      sort,
      order,
    }),
    [track, status, owner, q, finding, changedBy, hotfixes, sort, order],
  );

  const update = useCallback(
    (change: Partial<FleetFilters>) => {
      setParams(
        previous => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(change)) {
            if (value) {
              next.set(key, value);
            } else {
              next.delete(key);
            }
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return [filters, update];
}
