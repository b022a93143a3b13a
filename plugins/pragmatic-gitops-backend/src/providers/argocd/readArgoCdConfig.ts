import { Config } from '@backstage/config';
import { InstanceConfigReader } from '../readInstances';

/** Config key holding the Argo CD instances. */
export const ARGOCD_INSTANCES_CONFIG_KEY = 'pragmaticGitops.argocd.instances';

export const DEFAULT_ARGOCD_TIMEOUT_MS = 10000;
export const DEFAULT_ARGOCD_CONCURRENCY = 4;

/** One configured Argo CD instance, validated, with defaults applied. */
export type ArgoCdInstanceConfig = {
  name: string;
  /** Normalised: no trailing slash, no query or fragment. */
  baseUrl: string;
  token: string;
  timeoutMs: number;
  concurrency: number;
};

const MAX_TIMEOUT_MS = 10 * 60 * 1000;
const MAX_CONCURRENCY = 64;

const reader = new InstanceConfigReader({
  service: 'Argo CD',
  key: ARGOCD_INSTANCES_CONFIG_KEY,
  exampleUrl: 'https://argocd.example.com',
});

/**
 * Reads and validates `pragmaticGitops.argocd.instances`. Returns an empty
 * list when the key is absent. Throws an error naming the offending key on
 * bad config; token values never appear in errors.
 */
export function readArgoCdConfig(config: Config): ArgoCdInstanceConfig[] {
  return reader.readAll(config, (instance, prefix, base) => ({
    ...base,
    timeoutMs: reader.positiveInteger(
      instance,
      'timeoutMs',
      prefix,
      DEFAULT_ARGOCD_TIMEOUT_MS,
      MAX_TIMEOUT_MS,
    ),
    concurrency: reader.positiveInteger(
      instance,
      'concurrency',
      prefix,
      DEFAULT_ARGOCD_CONCURRENCY,
      MAX_CONCURRENCY,
    ),
  }));
}
