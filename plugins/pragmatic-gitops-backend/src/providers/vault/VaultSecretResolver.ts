import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { SecretResolver } from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import {
  SecretRef,
  SecretRefResolution as SecretResolution,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { KvLocation, splitKvKey } from './kvPath';
import { readVaultConfig, VaultInstanceConfig } from './readVaultConfig';
import {
  VaultMetadata,
  VaultMetadataClient,
  VaultMetadataError,
} from './VaultMetadataClient';

export type VaultSecretResolverOptions = {
  instances: VaultInstanceConfig[];
  logger?: LoggerService;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Maximum requests in flight per Vault instance. Default 4. */
  concurrency?: number;
};

type Lookup = { client: VaultMetadataClient; location: KvLocation };
type Outcome = { metadata: VaultMetadata } | { error: string };

const unchecked = (reason: string): SecretResolution => ({
  status: 'unchecked',
  reason,
});

/**
 * Checks Vault references against the KV v2 metadata of a configured
 * instance: exists (with current version and last update), missing, or an
 * error with a reason. Never reads secret data. Other stores are returned
 * untouched.
 */
export class VaultSecretResolver implements SecretResolver {
  readonly name = 'vault';
  private readonly clients: VaultMetadataClient[];
  private readonly logger?: LoggerService;

  static fromConfig(
    config: Config,
    options: Omit<VaultSecretResolverOptions, 'instances'> = {},
  ): VaultSecretResolver {
    return new VaultSecretResolver({
      ...options,
      instances: readVaultConfig(config),
    });
  }

  constructor(options: VaultSecretResolverOptions) {
    this.clients = options.instances.map(
      instance =>
        new VaultMetadataClient(instance, {
          fetch: options.fetch,
          concurrency: options.concurrency,
        }),
    );
    this.logger = options.logger;
  }

  /** Resolves every Vault reference; never throws, never mutates its input. */
  async resolveAll<T extends SecretRef>(refs: T[]): Promise<T[]> {
    const lookups = new Map<string, Promise<Outcome>>();
    return Promise.all(
      refs.map(async (ref): Promise<T> => {
        if (ref.store.kind !== 'vault') return ref;
        let resolution: SecretResolution;
        try {
          resolution = await this.resolve(ref, lookups);
        } catch {
          resolution = {
            status: 'error',
            reason: 'internal error while checking the reference',
          };
        }
        return { ...ref, resolution };
      }),
    );
  }

  private async resolve(
    ref: SecretRef,
    lookups: Map<string, Promise<Outcome>>,
  ): Promise<SecretResolution> {
    if (ref.via === 'external-secret-find') {
      return unchecked('a search over Vault, not one secret: not checked');
    }
    const target = this.lookupFor(ref);
    if ('reason' in target) return unchecked(target.reason);
    const { client, location } = target;
    const id = JSON.stringify([client.instance.name, location]);
    let outcome = lookups.get(id);
    if (!outcome) {
      outcome = this.read(target);
      lookups.set(id, outcome);
    }
    return toResolution(ref, await outcome, client.instance.name);
  }

  private lookupFor(ref: SecretRef): Lookup | { reason: string } {
    const client = this.chooseClient(ref);
    if ('reason' in client) return client;
    const location = splitKvKey(ref.key, client.instance.kvMounts);
    if (!location) {
      return {
        reason: `'${
          ref.key
        }' is not under a KV version 2 mount of Vault instance '${
          client.instance.name
        }' (kvMounts: ${client.instance.kvMounts.join(', ')})`,
      };
    }
    return { client, location };
  }

  private chooseClient(
    ref: SecretRef,
  ): VaultMetadataClient | { reason: string } {
    const name = ref.store.name;
    if (this.clients.length === 0) {
      return {
        reason:
          'no Vault instance is configured (pragmaticGitops.vault.instances)',
      };
    }
    const named = name && this.clients.find(c => c.instance.name === name);
    if (named) return named;
    // An annotation names an instance; other refs name a store object.
    if (this.clients.length === 1 && !(name && ref.via === 'annotation')) {
      return this.clients[0];
    }
    return {
      reason: name
        ? `no Vault instance named '${name}' is configured (pragmaticGitops.vault.instances)`
        : 'several Vault instances are configured and the reference names none',
    };
  }

  private async read({ client, location }: Lookup): Promise<Outcome> {
    try {
      return { metadata: await client.readMetadata(location) };
    } catch (error) {
      const reason =
        error instanceof VaultMetadataError
          ? error.message
          : `Vault instance '${client.instance.name}' could not be read`;
      this.logger?.warn(
        `Could not check secret reference ${location.mount}/${location.path}: ${reason}`,
      );
      return { error: reason };
    }
  }
}

function toResolution(
  ref: SecretRef,
  outcome: Outcome,
  instance: string,
): SecretResolution {
  if ('error' in outcome) return { status: 'error', reason: outcome.error };
  const { metadata } = outcome;
  if (metadata.type === 'missing') {
    return {
      status: 'missing',
      reason: `not found in Vault instance '${instance}'`,
    };
  }
  if (metadata.type === 'folder') return { status: 'exists' };
  const found: SecretResolution = {
    status: 'exists',
    version: metadata.currentVersion,
    ...(metadata.updatedTime ? { updatedAt: metadata.updatedTime } : {}),
  };
  const version = ref.version === undefined ? undefined : String(ref.version);
  const pinned = version && /^\d+$/.test(version) ? version : undefined;
  const wanted = pinned ?? String(metadata.currentVersion);
  if (!metadata.versions[wanted]) {
    return pinned
      ? {
          ...found,
          status: 'missing',
          reason: `version ${pinned} does not exist in Vault instance '${instance}'`,
        }
      : found;
  }
  if (!metadata.versions[wanted].readable) {
    return {
      ...found,
      status: 'missing',
      reason: `${
        pinned ? `version ${pinned}` : `the current version (${wanted})`
      } is deleted or destroyed in Vault instance '${instance}'`,
    };
  }
  return found;
}
