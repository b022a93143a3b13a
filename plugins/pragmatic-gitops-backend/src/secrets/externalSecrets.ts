import { KubeObject } from '../engine/types';
import { isRecord, records, str } from './podTemplates';
import {
  DeclaredStore,
  StoreDirectory,
  isExternalSecretsObject,
  vaultKeyUnderMount,
} from './secretStores';
import { producedSecrets } from './secretProducers';
import { SecretRef, SecretRefVia } from './types';

/**
 * References declared by one object in Git, and the Kubernetes Secrets that
 * object produces (so that workloads using them can be attached).
 */
export type DeclaredRefs = {
  declaredBy: { kind: string; name: string };
  produces: string[];
  /** Secrets Store CSI: workloads use it through a volume naming the class. */
  providerClass?: string;
  refs: SecretRef[];
};

type Store = DeclaredStore | { kind: 'unknown'; name?: string };

function storeOf(store: Store): SecretRef['store'] {
  return store.name
    ? { kind: store.kind, name: store.name }
    : { kind: store.kind };
}

function keyIn(store: Store, key: string): string {
  return store.kind === 'vault' && 'vaultMount' in store
    ? vaultKeyUnderMount(key, store.vaultMount)
    : key;
}

function ref(
  store: Store,
  via: SecretRefVia,
  declaredBy: DeclaredRefs['declaredBy'],
  fields: { key: string; property?: string; version?: string },
): SecretRef {
  return {
    store: storeOf(store),
    key: fields.key,
    ...(fields.property ? { property: fields.property } : {}),
    ...(fields.version ? { version: fields.version } : {}),
    via,
    declaredBy,
    usedBy: [],
    resolution: { status: 'unchecked' },
  };
}

/** `tags: {env: prod}` as a readable key when a find has neither path nor name. */
function tagsKey(tags: unknown): string | undefined {
  if (!isRecord(tags)) return undefined;
  const pairs = Object.entries(tags)
    .filter(([, value]) => typeof value === 'string')
    .map(([name, value]) => `${name}=${value}`);
  return pairs.length > 0 ? `tags:${pairs.join(',')}` : undefined;
}

function findKey(find: Record<string, unknown>, store: Store) {
  const path = str(find.path);
  if (path) return keyIn(store, path);
  const regexp = isRecord(find.name) ? str(find.name.regexp) : undefined;
  return regexp ?? tagsKey(find.tags);
}

/** The store of one entry: its own `sourceRef.storeRef`, else the spec's. */
function entryStore(
  entry: Record<string, unknown>,
  fallback: Store,
  stores: StoreDirectory,
  namespace?: string,
): Store | undefined {
  const sourceRef = isRecord(entry.sourceRef) ? entry.sourceRef : undefined;
  if (sourceRef && isRecord(sourceRef.generatorRef)) return undefined;
  if (sourceRef && isRecord(sourceRef.storeRef)) {
    return stores.lookup(sourceRef.storeRef, namespace);
  }
  return fallback;
}

function externalSecretRefs(
  object: KubeObject,
  stores: StoreDirectory,
): DeclaredRefs {
  const spec = isRecord(object.spec) ? object.spec : {};
  const namespace = object.metadata.namespace;
  const declaredBy = { kind: object.kind, name: object.metadata.name };
  const store = stores.lookup(spec.secretStoreRef, namespace);
  const refs: SecretRef[] = [];

  for (const entry of records(spec.data)) {
    const remote = isRecord(entry.remoteRef) ? entry.remoteRef : {};
    const key = str(remote.key);
    const entryStoreRef = entryStore(entry, store, stores, namespace);
    if (!key || !entryStoreRef) continue;
    refs.push(
      ref(entryStoreRef, 'external-secret', declaredBy, {
        key: keyIn(entryStoreRef, key),
        property: str(remote.property),
        version: str(remote.version),
      }),
    );
  }
  for (const entry of records(spec.dataFrom)) {
    const entryStoreRef = entryStore(entry, store, stores, namespace);
    if (!entryStoreRef) continue;
    if (isRecord(entry.extract)) {
      const key = str(entry.extract.key);
      if (key) {
        refs.push(
          ref(entryStoreRef, 'external-secret', declaredBy, {
            key: keyIn(entryStoreRef, key),
            property: str(entry.extract.property),
            version: str(entry.extract.version),
          }),
        );
      }
    }
    if (isRecord(entry.find)) {
      const key = findKey(entry.find, entryStoreRef);
      if (key) {
        refs.push(
          ref(entryStoreRef, 'external-secret-find', declaredBy, { key }),
        );
      }
    }
  }

  return { declaredBy, produces: producedSecrets(object), refs };
}

/** References of every External Secrets Operator `ExternalSecret` in Git. */
export function externalSecrets(desired: KubeObject[]): DeclaredRefs[] {
  const stores = new StoreDirectory(desired);
  return desired
    .filter(o => isExternalSecretsObject(o) && o.kind === 'ExternalSecret')
    .map(object => externalSecretRefs(object, stores));
}
