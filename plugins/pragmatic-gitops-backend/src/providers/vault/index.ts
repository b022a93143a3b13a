export { VaultSecretResolver } from './VaultSecretResolver';
export type { VaultSecretResolverOptions } from './VaultSecretResolver';
export { VaultMetadataClient, VaultMetadataError } from './VaultMetadataClient';
export type {
  VaultMetadata,
  VaultMetadataClientOptions,
} from './VaultMetadataClient';
export {
  readVaultConfig,
  VAULT_INSTANCES_CONFIG_KEY,
  DEFAULT_VAULT_KV_MOUNTS,
  DEFAULT_VAULT_TIMEOUT_MS,
} from './readVaultConfig';
export type { VaultInstanceConfig } from './readVaultConfig';
export { splitKvKey, metadataUrl } from './kvPath';
export type { KvLocation } from './kvPath';
