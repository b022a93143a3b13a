import { Entity } from '@backstage/catalog-model';
import { KubeObject } from '../engine/types';
import { annotationRefs } from './annotationRefs';
import { DeclaredRefs, externalSecrets } from './externalSecrets';
import { addUsage, mergeRefs } from './mergeRefs';
import { secretProviderClasses } from './secretProviderClass';
import {
  CsiVolumeUsage,
  SecretConsumption,
  csiVolumeUsages,
  secretConsumptions,
} from './secretUsage';
import { producerOf, SecretProducer } from './secretProducers';
import { EncryptedFile, SecretRef } from './types';
import { vaultAgentRefs } from './vaultAgent';

export const NOT_PRODUCED_REASON = 'not produced by anything in Git';

/** A Kubernetes Secret whose value is in Git (plaintext or encrypted). */
type GitProducer = {
  secretName: string;
  object: KubeObject;
  producer: SecretProducer;
};

function gitProducers(
  desired: KubeObject[],
  encrypted: KubeObject[],
): GitProducer[] {
  const rows = [
    ...desired.map(object => ({ object, producer: producerOf(object) })),
    ...encrypted.map(object => ({
      object,
      producer: producerOf(object, true),
    })),
  ];
  return rows.flatMap(({ object, producer }) =>
    producer?.source === 'git'
      ? producer
          .produces(object)
          .map(secretName => ({ secretName, object, producer }))
      : [],
  );
}

function producedInGitRef(
  use: SecretConsumption,
  { object, producer }: GitProducer,
): SecretRef {
  return {
    store: { kind: producer.storeKind ?? 'kubernetes' },
    key: use.secretName,
    ...(use.property ? { property: use.property } : {}),
    via: 'kubernetes-secret',
    declaredBy: { kind: object.kind, name: object.metadata.name },
    usedBy: [use.usedBy],
    resolution: {
      status: 'exists',
      reason: producer.reason?.(object) ?? `declared in Git as ${object.kind}`,
    },
  };
}

function notProducedRef(use: SecretConsumption): SecretRef {
  return {
    store: { kind: 'kubernetes' },
    key: use.secretName,
    ...(use.property ? { property: use.property } : {}),
    via: 'kubernetes-secret',
    usedBy: [use.usedBy],
    resolution: { status: 'missing', reason: NOT_PRODUCED_REASON },
  };
}

/**
 * Follows each use of a Kubernetes Secret to what produces it in Git: the
 * ExternalSecret or SecretProviderClass refs get the workload as a user; a
 * producer whose value is in Git (see SECRET_PRODUCERS) gives an `exists`
 * `kubernetes-secret` ref; nothing gives a `missing` one.
 */
function resolveConsumptions(
  uses: SecretConsumption[],
  declared: DeclaredRefs[],
  producers: GitProducer[],
): SecretRef[] {
  const refs: SecretRef[] = [];
  for (const use of uses) {
    const fromStores = declared.filter(d =>
      d.produces.includes(use.secretName),
    );
    if (fromStores.length > 0) {
      fromStores.forEach(d => d.refs.forEach(r => addUsage(r, use.usedBy)));
      continue;
    }
    const producer = producers.find(p => p.secretName === use.secretName);
    refs.push(producer ? producedInGitRef(use, producer) : notProducedRef(use));
  }
  return refs;
}

function attachCsiVolumes(uses: CsiVolumeUsage[], declared: DeclaredRefs[]) {
  for (const use of uses) {
    declared
      .filter(d => d.providerClass === use.providerClass)
      .forEach(d => d.refs.forEach(r => addUsage(r, use.usedBy)));
  }
}

/**
 * Every secret reference of an entity, from its desired manifests and its
 * annotations: WHERE its secrets live and who uses them, never a value.
 * Resolutions start `unchecked` (Kubernetes Secrets: `exists` when declared
 * in Git, `missing` when nothing in Git produces them); pass the result to
 * `VaultSecretResolver.resolveAll` to check Vault references.
 */
export function extractSecretRefs(options: {
  entity: Entity;
  desired: KubeObject[];
  /** SOPS files of the source: the Secrets they hold are produced by Git. */
  encryptedFiles?: EncryptedFile[];
}): SecretRef[] {
  const { entity, desired } = options;
  const encrypted = (options.encryptedFiles ?? []).flatMap(
    file => file.objects ?? [],
  );
  const declared: DeclaredRefs[] = [
    ...externalSecrets(desired),
    ...secretProviderClasses(desired).map(spc => spc.declared),
  ];
  attachCsiVolumes(csiVolumeUsages(desired), declared);
  const kubernetesRefs = resolveConsumptions(
    secretConsumptions(desired),
    declared,
    gitProducers(desired, encrypted),
  );
  return mergeRefs([
    ...declared.flatMap(d => d.refs),
    ...kubernetesRefs,
    ...vaultAgentRefs(desired),
    ...annotationRefs(entity),
  ]);
}
