import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { DateTime, Duration } from 'luxon';

export const BACKPORT_SLA_KEY = 'pragmaticGitops.hotfixes.backportSla';
const DEFAULT_BACKPORT_SLA = Duration.fromObject({ days: 3 });

/**
 * Reads `pragmaticGitops.hotfixes.backportSla`: a HumanDuration object
 * (`{ days: 3 }`) or a duration string (`P3D`, `72h`). Default 3 days. A bad
 * value throws an error naming the key.
 */
export function readBackportSla(config: Config): Duration {
  const hotfixes = config.getOptionalConfig('pragmaticGitops.hotfixes');
  if (!hotfixes?.has('backportSla')) {
    return DEFAULT_BACKPORT_SLA;
  }
  let duration: Duration;
  try {
    duration = Duration.fromObject(
      readDurationFromConfig(hotfixes, { key: 'backportSla' }),
    );
  } catch (error) {
    throw new InputError(
      `Invalid ${BACKPORT_SLA_KEY}: ${(error as Error).message}`,
    );
  }
  if (!duration.isValid || duration.toMillis() <= 0) {
    throw new InputError(
      `Invalid ${BACKPORT_SLA_KEY}: must be a positive duration such as P3D or { days: 3 }`,
    );
  }
  return duration;
}

/** When a hotfix applied at `appliedAt` is due back in Git. */
export function backportDueAt(appliedAt: Date, sla: Duration): Date {
  return DateTime.fromJSDate(appliedAt, { zone: 'utc' }).plus(sla).toJSDate();
}

/** Hotfixes applied at or before this instant are past their SLA at `now`. */
export function overdueCutoff(now: Date, sla: Duration): Date {
  return DateTime.fromJSDate(now, { zone: 'utc' }).minus(sla).toJSDate();
}
