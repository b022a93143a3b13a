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
  return readDuration(config, key, fallback, { allowZero: false });
}

/** As `readPositiveDuration`, but zero (say, "off") is allowed too. */
export function readNonNegativeDuration(
  config: Config,
  key: string,
  fallback: Duration,
): Duration {
  return readDuration(config, key, fallback, { allowZero: true });
}

function readDuration(
  config: Config,
  key: string,
  fallback: Duration,
  options: { allowZero: boolean },
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
  const millis = duration.toMillis();
  if (!duration.isValid || millis < 0 || (millis === 0 && !options.allowZero)) {
    throw new InputError(
      `Invalid ${key}: must be a ${
        options.allowZero ? 'non-negative' : 'positive'
      } duration such as ${fallback.toISO()} or ${JSON.stringify(
        fallback.toObject(),
      )}`,
    );
  }
  return duration;
}
