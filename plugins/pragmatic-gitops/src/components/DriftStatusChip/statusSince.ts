import { formatDurationSince } from '../../utils/time';
import { DRIFT_STATUS_APPEARANCE, unknownAppearance } from './statusAppearance';

/** "Drifted for 3 days": the status and how long it has held. */
export function statusSince(status: string, since: string): string {
  const appearance =
    DRIFT_STATUS_APPEARANCE[status as keyof typeof DRIFT_STATUS_APPEARANCE] ??
    unknownAppearance(status);
  return `${appearance.label} for ${formatDurationSince(since)}`;
}
