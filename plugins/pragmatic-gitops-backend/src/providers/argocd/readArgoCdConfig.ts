import { Config } from '@backstage/config';

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

function configError(key: string, problem: string): Error {
  return new Error(`Invalid Argo CD configuration at '${key}': ${problem}`);
}

/**
 * Wraps the reader's own type errors (e.g. "got number, wanted string") so
 * that every error names the full key. Reader messages never contain values.
 */
function read<T>(key: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw configError(key, detail);
  }
}

function readPositiveInteger(
  instance: Config,
  key: string,
  prefix: string,
  fallback: number,
  max: number,
): number {
  const fullKey = `${prefix}.${key}`;
  const value = read(fullKey, () => instance.getOptionalNumber(key));
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw configError(
      fullKey,
      `must be a whole number between 1 and ${max}, got ${value}`,
    );
  }
  return value;
}

function normaliseBaseUrl(raw: string, key: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw configError(
      key,
      'must be an absolute http(s) URL such as https://argocd.example.com',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw configError(
      key,
      `must use http or https, got '${url.protocol.replace(/:$/, '')}'`,
    );
  }
  if (url.username || url.password) {
    throw configError(
      key,
      'must not contain credentials; put the API token in "token"',
    );
  }
  if (url.search || url.hash) {
    throw configError(key, 'must not contain a query string or fragment');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Reads and validates `pragmaticGitops.argocd.instances`. Returns an empty
 * list when the key is absent. Throws an error naming the offending key on
 * bad config; token values never appear in errors.
 */
export function readArgoCdConfig(config: Config): ArgoCdInstanceConfig[] {
  const instances = read(ARGOCD_INSTANCES_CONFIG_KEY, () =>
    config.getOptionalConfigArray(ARGOCD_INSTANCES_CONFIG_KEY),
  );
  if (!instances) {
    return [];
  }

  const seen = new Map<string, number>();
  return instances.map((instance, index) => {
    const prefix = `${ARGOCD_INSTANCES_CONFIG_KEY}[${index}]`;

    const name = read(`${prefix}.name`, () =>
      instance.getString('name'),
    ).trim();
    if (!name) {
      throw configError(`${prefix}.name`, 'must not be empty');
    }
    const previous = seen.get(name);
    if (previous !== undefined) {
      throw configError(
        `${prefix}.name`,
        `duplicate instance name '${name}' (also used by ${ARGOCD_INSTANCES_CONFIG_KEY}[${previous}]); names must be unique`,
      );
    }
    seen.set(name, index);

    const baseUrl = normaliseBaseUrl(
      read(`${prefix}.baseUrl`, () => instance.getString('baseUrl')),
      `${prefix}.baseUrl`,
    );

    const token = read(`${prefix}.token`, () => instance.getString('token'));
    if (!token.trim()) {
      throw configError(`${prefix}.token`, 'must not be empty');
    }

    return {
      name,
      baseUrl,
      token: token.trim(),
      timeoutMs: readPositiveInteger(
        instance,
        'timeoutMs',
        prefix,
        DEFAULT_ARGOCD_TIMEOUT_MS,
        MAX_TIMEOUT_MS,
      ),
      concurrency: readPositiveInteger(
        instance,
        'concurrency',
        prefix,
        DEFAULT_ARGOCD_CONCURRENCY,
        MAX_CONCURRENCY,
      ),
    };
  });
}
