import { Config } from '@backstage/config';
import { hasControlCharacter } from './kvPath';

/** Config key holding the Vault instances. */
export const VAULT_INSTANCES_CONFIG_KEY = 'pragmaticGitops.vault.instances';

export const DEFAULT_VAULT_TIMEOUT_MS = 5000;
export const DEFAULT_VAULT_KV_MOUNTS = ['secret', 'kv'];

/** One configured Vault instance, validated, with defaults applied. */
export type VaultInstanceConfig = {
  name: string;
  /** Normalised: no trailing slash, no query or fragment. */
  baseUrl: string;
  token: string;
  /** KV version 2 mounts, without leading or trailing slashes. */
  kvMounts: string[];
  timeoutMs: number;
  /** Vault Enterprise namespace, sent as `X-Vault-Namespace`. */
  namespace?: string;
};

const MAX_TIMEOUT_MS = 10 * 60 * 1000;
const MOUNT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

function configError(key: string, problem: string): Error {
  return new Error(`Invalid Vault configuration at '${key}': ${problem}`);
}

/** Names the full key in the reader's own type errors, which never hold values. */
function read<T>(key: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw configError(
      key,
      error instanceof Error ? error.message : String(error),
    );
  }
}

function normaliseBaseUrl(raw: string, key: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw configError(
      key,
      'must be an absolute http(s) URL such as https://vault.example.com:8200',
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
      'must not contain credentials; put the Vault token in "token"',
    );
  }
  if (url.search || url.hash) {
    throw configError(key, 'must not contain a query string or fragment');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function readKvMounts(instance: Config, prefix: string): string[] {
  const key = `${prefix}.kvMounts`;
  const mounts = read(key, () => instance.getOptionalStringArray('kvMounts'));
  if (mounts === undefined) return [...DEFAULT_VAULT_KV_MOUNTS];
  if (mounts.length === 0) {
    throw configError(
      key,
      'must list at least one KV version 2 mount, e.g. [secret]',
    );
  }
  return mounts.map((raw, index) => {
    const mount = raw.trim().replace(/^\/+|\/+$/g, '');
    if (
      !MOUNT.test(mount) ||
      mount.split('/').some(s => s === '..' || s === '.')
    ) {
      throw configError(
        `${key}[${index}]`,
        `'${raw}' is not a mount path such as secret or teams/payments/kv`,
      );
    }
    return mount;
  });
}

function readTimeout(instance: Config, prefix: string): number {
  const key = `${prefix}.timeoutMs`;
  const value = read(key, () => instance.getOptionalNumber('timeoutMs'));
  if (value === undefined) return DEFAULT_VAULT_TIMEOUT_MS;
  if (!Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
    throw configError(
      key,
      `must be a whole number between 1 and ${MAX_TIMEOUT_MS}, got ${value}`,
    );
  }
  return value;
}

/**
 * Reads and validates `pragmaticGitops.vault.instances`. Returns an empty
 * list when the key is absent. Throws an error naming the offending key on
 * bad config; token values never appear in errors.
 */
export function readVaultConfig(config: Config): VaultInstanceConfig[] {
  const instances = read(VAULT_INSTANCES_CONFIG_KEY, () =>
    config.getOptionalConfigArray(VAULT_INSTANCES_CONFIG_KEY),
  );
  if (!instances) return [];
  const seen = new Map<string, number>();
  return instances.map((instance, index) => {
    const prefix = `${VAULT_INSTANCES_CONFIG_KEY}[${index}]`;
    const name = read(`${prefix}.name`, () =>
      instance.getString('name'),
    ).trim();
    if (!name) throw configError(`${prefix}.name`, 'must not be empty');
    const previous = seen.get(name);
    if (previous !== undefined) {
      throw configError(
        `${prefix}.name`,
        `duplicate instance name '${name}' (also used by ${VAULT_INSTANCES_CONFIG_KEY}[${previous}]); names must be unique`,
      );
    }
    seen.set(name, index);
    const baseUrl = normaliseBaseUrl(
      read(`${prefix}.baseUrl`, () => instance.getString('baseUrl')),
      `${prefix}.baseUrl`,
    );
    const token = read(`${prefix}.token`, () =>
      instance.getString('token'),
    ).trim();
    if (!token) throw configError(`${prefix}.token`, 'must not be empty');
    if (/\s/.test(token) || hasControlCharacter(token)) {
      throw configError(
        `${prefix}.token`,
        'must not contain spaces, line breaks or control characters',
      );
    }
    const namespace = read(`${prefix}.namespace`, () =>
      instance.getOptionalString('namespace'),
    )?.trim();
    return {
      name,
      baseUrl,
      token,
      kvMounts: readKvMounts(instance, prefix),
      timeoutMs: readTimeout(instance, prefix),
      ...(namespace ? { namespace } : {}),
    };
  });
}
