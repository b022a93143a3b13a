import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_SECRET_REFS,
  ANNOTATION_VAULT_SECRETS_PATH,
  parseSecretRefs,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { SecretRef } from './types';
import { ownEntry } from '../engine/values';

/** Community annotation naming the KV engine of `vault.io/secrets-path`. */
export const ANNOTATION_VAULT_SECRETS_ENGINE = 'vault.io/secrets-engine';

/** Short store names accepted in the annotation, and the kind they stand for. */
const STORE_ALIASES: Record<string, string> = {
  'aws-sm': 'aws-secrets-manager',
  'aws-ssm': 'aws-parameter-store',
  'aws-ps': 'aws-parameter-store',
  'gcp-sm': 'gcp-secret-manager',
  'azure-kv': 'azure-key-vault',
  akv: 'azure-key-vault',
  k8s: 'kubernetes',
};

function trimSlashes(value: string | undefined): string {
  return (value ?? '').trim().replace(/^\/+|\/+$/g, '');
}

/**
 * References declared on the catalog entity: `pragmatic-gitops.io/secret-refs`
 * (an invalid value gives none: the catalog processor reports it) and the
 * community `vault.io/secrets-path`, a folder of secrets (its key ends in `/`).
 */
export function annotationRefs(entity: Entity): SecretRef[] {
  const annotations = entity.metadata.annotations ?? {};
  const usedBy = [{ kind: entity.kind, name: entity.metadata.name }];
  const refs: SecretRef[] = [];
  const value = annotations[ANNOTATION_SECRET_REFS];
  if (value) {
    let entries: ReturnType<typeof parseSecretRefs> = [];
    try {
      entries = parseSecretRefs(value);
    } catch {
      entries = [];
    }
    for (const entry of entries) {
      const kind =
        ownEntry(STORE_ALIASES, entry.store.kind) ?? entry.store.kind;
      refs.push({
        ...entry,
        store: { ...entry.store, kind },
        via: 'annotation',
        usedBy,
        resolution: { status: 'unchecked' },
      });
    }
  }
  const folder = trimSlashes(annotations[ANNOTATION_VAULT_SECRETS_PATH]);
  if (folder) {
    const engine = trimSlashes(annotations[ANNOTATION_VAULT_SECRETS_ENGINE]);
    refs.push({
      store: { kind: 'vault' },
      key: `${engine ? `${engine}/` : ''}${folder}/`,
      via: 'annotation',
      usedBy,
      resolution: { status: 'unchecked' },
    });
  }
  return refs;
}
