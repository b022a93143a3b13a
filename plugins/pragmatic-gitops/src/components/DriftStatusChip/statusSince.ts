import {
  formatDate,
  formatDurationSince,
  heldSinceTrackingBegan,
} from '../../utils/time';
import { DRIFT_STATUS_APPEARANCE, unknownAppearance } from './statusAppearance';

/**
 * How long a status has held, from when it changed (never from when the
 * backend last looked): "3 days", or "since tracking began Nov 28, 2026"
 * when it is at least as old as the entity's history, so nobody knows how
 * long it really held.
 */
export function heldFor(since: string, trackedSince?: string): string {
  return heldSinceTrackingBegan(since, trackedSince)
    ? `since tracking began ${formatDate(trackedSince!)}`
    : `for ${formatDurationSince(since)}`;
}

/** "Drifted for 3 days", "In sync since tracking began Nov 28, 2026". */
export function statusSince(
  status: string,
  since: string,
  trackedSince?: string,
): string {
  const appearance =
    DRIFT_STATUS_APPEARANCE[status as keyof typeof DRIFT_STATUS_APPEARANCE] ??
    unknownAppearance(status);
  return `${appearance.label} ${heldFor(since, trackedSince)}`;
}
