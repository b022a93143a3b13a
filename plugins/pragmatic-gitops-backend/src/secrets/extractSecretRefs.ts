import { Entity } from '@backstage/catalog-model';
import { KubeObject } from '../engine/types';
import { annotationRefs } from './annotationRefs';
import { DeclaredRefs, externalSecrets } from './externalSecrets';
import { addUsage, mergeRefs } from './mergeRefs';
import { isRecord, str } from './podTemplates';
import { secretProviderClasses } from './secretProviderClass';
import { apiGroup } from './secretStores';
import {
  CsiVolumeUsage,
  SecretConsumption,
  csiVolumeUsages,
  secretConsumptions,
} from './secretUsage';
import { SecretRef } from './types';
import { vaultAgentRefs } from './vaultAgent';

export const NOT_PRODUCED_REASON = 'not produced by anything in Git';

/** Kubernetes Secrets declared in Git by something that is not a store reference. */
type GitProducer = { secretName: string; kind: string; name: string };

function gitProducers(desired: KubeObject[]): GitProducer[] {
  return desired.flatMap((object): GitProducer[] => {
    const spec = isRecord(object.spec) ? object.spec : {};
    const { kind, metadata } = object;
    const group = apiGroup(object);
    if (kind === 'SealedSecret' && group === 'bitnami.com') {
      const template = isRecord(spec.template) ? spec.template : {};
      const templateMeta = isRecord(template.metadata) ? template.metadata : {};
      const secretName = str(templateMeta.name) ?? metadata.name;
      return [{ secretName, kind, name: metadata.name }];
    }
    if (kind === 'Secret' && object.apiVersion === 'v1') {
      return [{ secretName: metadata.name, kind, name: metadata.name }];
    }
    if (kind === 'Certificate' && group === 'cert-manager.io') {
      const secretName = str(spec.secretName);
      return secretName ? [{ secretName, kind, name: metadata.name }] : [];
    }
    return [];
  });
}

function producedInGitRef(
  use: SecretConsumption,
  producer: GitProducer,
): SecretRef {
  const sealed = producer.kind === 'SealedSecret';
  return {
    store: { kind: sealed ? 'sealed-secrets' : 'kubernetes' },
    key: use.secretName,
    ...(use.property ? { property: use.property } : {}),
    via: 'kubernetes-secret',
    declaredBy: { kind: producer.kind, name: producer.name },
    usedBy: [use.usedBy],
    resolution: {
      status: 'exists',
      reason: sealed
        ? `encrypted in Git as SealedSecret/${producer.name}`
        : `declared in Git as ${producer.kind}/${producer.name}`,
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
 * SealedSecret, plaintext Secret or Certificate gives a `kubernetes-secret`
 * ref; nothing gives a `missing` one.
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
}): SecretRef[] {
  const { entity, desired } = options;
  const declared: DeclaredRefs[] = [
    ...externalSecrets(desired),
    ...secretProviderClasses(desired).map(spc => spc.declared),
  ];
  attachCsiVolumes(csiVolumeUsages(desired), declared);
  const kubernetesRefs = resolveConsumptions(
    secretConsumptions(desired),
    declared,
    gitProducers(desired),
  );
  return mergeRefs([
    ...declared.flatMap(d => d.refs),
    ...kubernetesRefs,
    ...vaultAgentRefs(desired),
    ...annotationRefs(entity),
  ]);
}
