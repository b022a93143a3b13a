import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  DRIFT_STATUSES,
  DriftStatus,
  Track,
  TRACKS,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** The filters of the fleet page. */
export type FleetFilters = {
  track?: Track;
  status?: DriftStatus;
  owner?: string;
};

function oneOf<T extends string>(
  values: readonly T[],
  value: string | null,
): T | undefined {
  return values.find(v => v === value);
}

/**
 * The fleet filters, kept in the page URL (`?track=&status=&owner=`) so a
 * filtered view can be bookmarked and shared. Unknown values are ignored.
 */
export function useFleetFilters(): [
  FleetFilters,
  (change: Partial<FleetFilters>) => void,
] {
  const [params, setParams] = useSearchParams();
  const track = oneOf(TRACKS, params.get('track'));
  const status = oneOf(DRIFT_STATUSES, params.get('status'));
  const owner = params.get('owner')?.trim() || undefined;

  const filters = useMemo(
    () => ({ track, status, owner }),
    [track, status, owner],
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
