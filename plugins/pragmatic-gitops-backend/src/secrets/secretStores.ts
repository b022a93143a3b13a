import { KubeObject } from '../engine/types';
import { isRecord, str } from './podTemplates';
import { ownEntry } from '../engine/values';

export const EXTERNAL_SECRETS_GROUP = 'external-secrets.io';

const STORE_KINDS = ['SecretStore', 'ClusterSecretStore'];

/** External Secrets provider keys with a more telling store kind. */
const PROVIDER_KINDS: Record<string, string> = {
  vault: 'vault',
  gcpsm: 'gcp-secret-manager',
  azurekv: 'azure-key-vault',
  kubernetes: 'kubernetes',
  ibm: 'ibm-secrets-manager',
  onepassword: '1password',
  yandexlockbox: 'yandex-lockbox',
  alibaba: 'alibaba-kms',
};

/** A store declared in Git, as far as references need it. */
export type DeclaredStore = {
  kind: string;
  name: string;
  /** Vault: the KV mount the store reads keys under (`provider.vault.path`). */
  vaultMount?: string;
};

export function apiGroup(object: KubeObject): string {
  return object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
}

export function isExternalSecretsObject(object: KubeObject): boolean {
  return apiGroup(object) === EXTERNAL_SECRETS_GROUP;
}

function providerKind(provider: Record<string, unknown>): string {
  const key = Object.keys(provider).find(k => isRecord(provider[k]));
  if (!key) return 'unknown';
  if (key === 'aws') {
    const aws = provider.aws as Record<string, unknown>;
    return aws.service === 'ParameterStore'
      ? 'aws-parameter-store'
      : 'aws-secrets-manager';
  }
  return (
    ownEntry(PROVIDER_KINDS, key) ??
    key.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
  );
}

function declaredStore(object: KubeObject): DeclaredStore {
  const spec = isRecord(object.spec) ? object.spec : {};
  const provider = isRecord(spec.provider) ? spec.provider : {};
  const kind = providerKind(provider);
  const vault = isRecord(provider.vault) ? provider.vault : undefined;
  const mount = vault ? str(vault.path) : undefined;
  return {
    kind,
    name: object.metadata.name,
    ...(mount ? { vaultMount: mount.replace(/^\/+|\/+$/g, '') } : {}),
  };
}

/**
 * Finds the store an ExternalSecret points at among the stores in Git. A
 * `SecretStore` must be in the ExternalSecret's namespace when both name one.
 */
export class StoreDirectory {
  private readonly stores: KubeObject[];

  constructor(desired: KubeObject[]) {
    this.stores = desired.filter(
      object =>
        isExternalSecretsObject(object) && STORE_KINDS.includes(object.kind),
    );
  }

  lookup(
    storeRef: unknown,
    namespace: string | undefined,
  ): DeclaredStore | { kind: 'unknown'; name?: string } {
    const ref = isRecord(storeRef) ? storeRef : {};
    const name = str(ref.name);
    if (!name) return { kind: 'unknown' };
    const kind = ref.kind === 'ClusterSecretStore' ? ref.kind : 'SecretStore';
    const candidates = this.stores.filter(
      store => store.kind === kind && store.metadata.name === name,
    );
    const found =
      kind === 'SecretStore'
        ? candidates.find(
            store =>
              !namespace ||
              !store.metadata.namespace ||
              store.metadata.namespace === namespace,
          )
        : candidates[0];
    return found ? declaredStore(found) : { kind: 'unknown', name };
  }
}

/**
 * The Vault path External Secrets reads for a key under a store's mount:
 * the mount (and a `data/` right after it) is removed if present, then the
 * mount is put in front, as the operator does.
 */
export function vaultKeyUnderMount(key: string, mount?: string): string {
  if (!mount) return key;
  let rest = key.replace(/^\/+/, '');
  if (rest.startsWith(`${mount}/`)) {
    rest = rest.slice(mount.length + 1).replace(/^data\//, '');
  }
  return `${mount}/${rest}`;
}
