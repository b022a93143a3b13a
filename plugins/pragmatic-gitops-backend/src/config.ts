import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { InputError } from '@backstage/errors';
import {
  IgnoreRule,
  isJsonPointer,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { DEFAULT_GITOPS_FIELD_MANAGERS } from './engine/types';
import { DEFAULT_IGNORE_DIFFERENCES } from './engine/defaultIgnoreDifferences';
import { Duration } from 'luxon';
import { readNonNegativeDuration } from './durationSetting';

/** As long as Backstage's TechDocs backend reuses its catalog reads. */
const DEFAULT_CATALOG_READ_CACHE_TTL = Duration.fromObject({ seconds: 5 });

export type PluginSettings = {
  observationsDirectory?: string;
  /** Demo only: history replayed once at start-up. */
  demoTimeline?: string;
  /** Extra directories `dir:` sources may point into (besides their own repository). */
  localSourceRoots: string[];
  ignoreDefaults: IgnoreRule[];
  gitopsFieldManagers: string[];
  scan: {
    frequency: HumanDuration;
    timeout: HumanDuration;
    concurrency: number;
  };
  /** How often overdue back-ports are looked for (and their owners told once). */
  overdueCheckFrequency: HumanDuration;
  /** How long a caller's own catalog read is reused by page reads; 0: never. */
  catalogReadCacheTtlMs: number;
};

/** Reads `pragmaticGitops.*`; a bad value throws an error naming the key. */
export function readPluginSettings(config: Config): PluginSettings {
  const root = config.getOptionalConfig('pragmaticGitops');
  // Read raw: '*' (every kind) is not a valid config key for the typed getters.
  const configured = root?.getOptional('ignoreDifferences') ?? {};
  if (typeof configured !== 'object' || Array.isArray(configured)) {
    throw new InputError(
      'pragmaticGitops.ignoreDifferences must map kinds to lists of JSON pointers',
    );
  }
  const ignoreMap: Record<string, unknown> = {
    ...DEFAULT_IGNORE_DIFFERENCES,
    ...configured,
  };
  const ignoreDefaults: IgnoreRule[] = [];
  for (const [kind, pointers] of Object.entries(ignoreMap)) {
    if (!Array.isArray(pointers)) {
      throw new InputError(
        `pragmaticGitops.ignoreDifferences.${kind} must be a list of JSON pointers`,
      );
    }
    for (const pointer of pointers) {
      if (typeof pointer !== 'string' || !isJsonPointer(pointer)) {
        throw new InputError(
          `pragmaticGitops.ignoreDifferences.${kind}: ${JSON.stringify(
            pointer,
          )} is not a JSON pointer (RFC 6901)`,
        );
      }
      ignoreDefaults.push(kind === '*' ? { pointer } : { kind, pointer });
    }
  }

  const scanConfig = root?.getOptionalConfig('scan');
  const concurrency = scanConfig?.getOptionalNumber('concurrency') ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InputError(
      'pragmaticGitops.scan.concurrency must be a positive integer',
    );
  }
  return {
    observationsDirectory: root?.getOptionalString('observations.directory'),
    demoTimeline: root?.getOptionalString('demo.timeline'),
    localSourceRoots: root?.getOptionalStringArray('localSources.roots') ?? [],
    ignoreDefaults,
    gitopsFieldManagers:
      root?.getOptionalStringArray('gitopsFieldManagers') ??
      DEFAULT_GITOPS_FIELD_MANAGERS,
    scan: {
      frequency: scanConfig?.has('frequency')
        ? readDurationFromConfig(scanConfig, { key: 'frequency' })
        : { minutes: 5 },
      timeout: scanConfig?.has('timeout')
        ? readDurationFromConfig(scanConfig, { key: 'timeout' })
        : { minutes: 15 },
      concurrency,
    },
    overdueCheckFrequency: root?.has('hotfixes.overdueCheckFrequency')
      ? readDurationFromConfig(root.getConfig('hotfixes'), {
          key: 'overdueCheckFrequency',
        })
      : { minutes: 15 },
    catalogReadCacheTtlMs: readNonNegativeDuration(
      config,
      'pragmaticGitops.catalogReadCache.ttl',
      DEFAULT_CATALOG_READ_CACHE_TTL,
    ).toMillis(),
  };
}
