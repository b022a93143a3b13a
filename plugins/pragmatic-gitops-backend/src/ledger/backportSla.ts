import { Config } from '@backstage/config';
import { DateTime, Duration } from 'luxon';
import { readPositiveDuration } from '../durationSetting';

export const BACKPORT_SLA_KEY = 'pragmaticGitops.hotfixes.backportSla';
const DEFAULT_BACKPORT_SLA = Duration.fromObject({ days: 3 });

/**
 * Reads `pragmaticGitops.hotfixes.backportSla`: a HumanDuration object
 * (`{ days: 3 }`) or a duration string (`P3D`, `72h`). Default 3 days. A bad
 * value throws an error naming the key.
 */
export function readBackportSla(config: Config): Duration {
  return readPositiveDuration(config, BACKPORT_SLA_KEY, DEFAULT_BACKPORT_SLA);
}

/** When a hotfix applied at `appliedAt` is due back in Git. */
export function backportDueAt(appliedAt: Date, sla: Duration): Date {
  return DateTime.fromJSDate(appliedAt, { zone: 'utc' }).plus(sla).toJSDate();
}

/** Hotfixes applied at or before this instant are past their SLA at `now`. */
export function overdueCutoff(now: Date, sla: Duration): Date {
  return DateTime.fromJSDate(now, { zone: 'utc' }).minus(sla).toJSDate();
}
