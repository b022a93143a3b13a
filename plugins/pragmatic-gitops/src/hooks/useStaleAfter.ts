import { useMemo } from 'react';
import { readDurationFromConfig } from '@backstage/config';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { durationToMilliseconds } from '@backstage/types';

/** The config key; documented in config.d.ts and the README. */
export const STALE_AFTER_KEY = 'pragmaticGitops.staleAfter';

const DEFAULT_STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * How old live state may be, in milliseconds, before it is called stale
 * (`pragmaticGitops.staleAfter`, default 1 day). A bad value falls back to
 * the default with a console warning naming the key: a page is no place to
 * crash over config.
 */
export function useStaleAfter(): number {
  const config = useApi(configApiRef);
  return useMemo(() => {
    const section = config.getOptionalConfig('pragmaticGitops');
    if (!section?.has('staleAfter')) {
      return DEFAULT_STALE_AFTER_MS;
    }
    try {
      const ms = durationToMilliseconds(
        readDurationFromConfig(section, { key: 'staleAfter' }),
      );
      if (ms > 0) return ms;
    } catch {
      // fall through to the warning
    }
    // eslint-disable-next-line no-console
    console.warn(
      `Invalid ${STALE_AFTER_KEY}: use a duration such as P1D or { hours: 12 }; using 1 day`,
    );
    return DEFAULT_STALE_AFTER_MS;
  }, [config]);
}
