import { KubeObject } from '../engine/types';
import {
  isRecord,
  podTemplates,
  records,
  str,
  usage,
  volumeUsages,
} from './podTemplates';
import { SecretUsage } from './types';

/** A workload's use of a Kubernetes Secret (`property`: one key of it). */
export type SecretConsumption = {
  secretName: string;
  property?: string;
  usedBy: SecretUsage;
};

/** A workload mounting a Secrets Store CSI volume of a SecretProviderClass. */
export type CsiVolumeUsage = { providerClass: string; usedBy: SecretUsage };

const CSI_DRIVER = 'secrets-store.csi.k8s.io';

/**
 * Every Kubernetes Secret the workloads in Git use: `secretKeyRef`,
 * `envFrom.secretRef`, `secret` and `projected` volumes, in all containers
 * and init containers. Only names and keys are read, never `env[].value`.
 */
export function secretConsumptions(desired: KubeObject[]): SecretConsumption[] {
  const result: SecretConsumption[] = [];
  for (const template of podTemplates(desired)) {
    for (const container of template.containers) {
      const usedBy = usage(template, container.name);
      for (const env of records(container.env)) {
        const ref = isRecord(env.valueFrom)
          ? env.valueFrom.secretKeyRef
          : undefined;
        const secretName = isRecord(ref) ? str(ref.name) : undefined;
        if (isRecord(ref) && secretName) {
          const property = str(ref.key);
          result.push({
            secretName,
            ...(property ? { property } : {}),
            usedBy,
          });
        }
      }
      for (const source of records(container.envFrom)) {
        const secretName = isRecord(source.secretRef)
          ? str(source.secretRef.name)
          : undefined;
        if (secretName) result.push({ secretName, usedBy });
      }
    }
    for (const volume of template.volumes) {
      const names: string[] = [];
      if (isRecord(volume.secret)) {
        const name = str(volume.secret.secretName);
        if (name) names.push(name);
      }
      if (isRecord(volume.projected)) {
        for (const source of records(volume.projected.sources)) {
          const name = isRecord(source.secret)
            ? str(source.secret.name)
            : undefined;
          if (name) names.push(name);
        }
      }
      for (const secretName of names) {
        for (const usedBy of volumeUsages(template, volume.name)) {
          result.push({ secretName, usedBy });
        }
      }
    }
  }
  return result;
}

/** Workloads mounting a `secrets-store.csi.k8s.io` volume, by provider class. */
export function csiVolumeUsages(desired: KubeObject[]): CsiVolumeUsage[] {
  const result: CsiVolumeUsage[] = [];
  for (const template of podTemplates(desired)) {
    for (const volume of template.volumes) {
      const csi = isRecord(volume.csi) ? volume.csi : undefined;
      if (!csi || csi.driver !== CSI_DRIVER) continue;
      const attributes = isRecord(csi.volumeAttributes)
        ? csi.volumeAttributes
        : {};
      const providerClass = str(attributes.secretProviderClass);
      if (!providerClass) continue;
      for (const usedBy of volumeUsages(template, volume.name)) {
        result.push({ providerClass, usedBy });
      }
    }
  }
  return result;
}
