import { Config } from '@backstage/config';
import { InstanceConfigReader } from '../readInstances';
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

const reader = new InstanceConfigReader({
  service: 'Vault',
  key: VAULT_INSTANCES_CONFIG_KEY,
  exampleUrl: 'https://vault.example.com:8200',
});
const configError = reader.error.bind(reader);
const read = reader.read.bind(reader);

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

/**
 * Reads and validates `pragmaticGitops.vault.instances`. Returns an empty
 * list when the key is absent. Throws an error naming the offending key on
 * bad config; token values never appear in errors.
 */
export function readVaultConfig(config: Config): VaultInstanceConfig[] {
  return reader.readAll(config, (instance, prefix, base) => {
    if (/\s/.test(base.token) || hasControlCharacter(base.token)) {
      throw configError(
        `${prefix}.token`,
        'must not contain spaces, line breaks or control characters',
      );
    }
    const namespace = read(`${prefix}.namespace`, () =>
      instance.getOptionalString('namespace'),
    )?.trim();
    return {
      ...base,
      kvMounts: readKvMounts(instance, prefix),
      timeoutMs: reader.positiveInteger(
        instance,
        'timeoutMs',
        prefix,
        DEFAULT_VAULT_TIMEOUT_MS,
        MAX_TIMEOUT_MS,
      ),
      ...(namespace ? { namespace } : {}),
    };
  });
}
