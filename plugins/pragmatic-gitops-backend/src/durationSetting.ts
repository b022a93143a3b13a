import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { Duration } from 'luxon';

/**
 * Reads a positive duration at `key` (dotted, from the config root): a
 * HumanDuration object (`{ hours: 1 }`) or a duration string (`PT1H`, `1h`),
 * the way Backstage's `readDurationFromConfig` reads them. Absent: the
 * fallback. A bad value throws an error naming the key.
 */
export function readPositiveDuration(
  config: Config,
  key: string,
  fallback: Duration,
): Duration {
  const dot = key.lastIndexOf('.');
  const parent = config.getOptionalConfig(key.slice(0, dot));
  const leaf = key.slice(dot + 1);
  if (!parent?.has(leaf)) {
    return fallback;
  }
  let duration: Duration;
  try {
    duration = Duration.fromObject(
      readDurationFromConfig(parent, { key: leaf }),
    );
  } catch (error) {
    throw new InputError(`Invalid ${key}: ${(error as Error).message}`);
  }
  if (!duration.isValid || duration.toMillis() <= 0) {
    throw new InputError(
      `Invalid ${key}: must be a positive duration such as ${fallback.toISO()} or ${JSON.stringify(
        fallback.toObject(),
      )}`,
    );
  }
  return duration;
}
