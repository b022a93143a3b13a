import { Finding } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { KubeObject } from '../engine/types';
import { isRecord } from './podTemplates';
import {
  isSecretProviderClass,
  parseSecretProviderClass,
} from './secretProviderClass';
import { apiGroup } from './secretStores';
import { isSopsValue } from './sops';
import { EncryptedFile, SecretRef } from './types';
import { unresolvedFindings } from './unresolvedFindings';

export type SecretFindingsInput = {
  desired: KubeObject[];
  /** Source file of each desired object (same index), for locations. */
  objectFiles?: Array<string | undefined>;
  encryptedFiles?: EncryptedFile[];
  /** Paths of SOPS-encrypted files, when `encryptedFiles` is not available. */
  sopsFiles?: string[];
  refs: SecretRef[];
};

function countValues(...maps: unknown[]): { total: number; sops: number } {
  const values = maps.flatMap(map => (isRecord(map) ? Object.values(map) : []));
  return { total: values.length, sops: values.filter(isSopsValue).length };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

const ADVICE =
  'Prefer a secret manager referenced from Git (e.g. an ExternalSecret).';

/**
 * Findings about secrets in an entity's source: plaintext `Secret`s
 * (critical), SealedSecrets and SOPS files (warning), unreadable
 * SecretProviderClass parameters and unresolved references (warning). A
 * finding says WHERE a secret is, never what it is: no value, not even an
 * encrypted payload, reaches a message or a location.
 */
export function findSecretFindings(input: SecretFindingsInput): Finding[] {
  const { desired, objectFiles = [] } = input;
  const indexes = new Map(desired.map((object, index) => [object, index]));
  const locate = (object: KubeObject): string =>
    objectFiles[indexes.get(object) ?? -1] ??
    `${object.kind}/${object.metadata.name}`;
  const findings: Finding[] = [];
  const sopsPaths = new Set<string>([
    ...(input.encryptedFiles ?? [])
      .filter(file => file.kind === 'sops')
      .map(file => file.path),
    ...(input.sopsFiles ?? []),
  ]);

  for (const object of desired) {
    const name = `${object.kind}/${object.metadata.name}`;
    const location = locate(object);
    const subject = location === name ? name : `${name} in ${location}`;
    if (object.kind === 'Secret' && object.apiVersion === 'v1') {
      const { total, sops } = countValues(object.data, object.stringData);
      if (total > 0 && sops === total) {
        sopsPaths.add(location);
      } else if (total > 0) {
        findings.push({
          severity: 'critical',
          code: 'plaintext-secret-in-git',
          message: `${subject} holds ${plural(
            total,
            'plaintext value',
          )} committed to Git. ${ADVICE} Rotate what was committed: Git history keeps it.`,
          location,
        });
      }
    } else if (
      object.kind === 'SealedSecret' &&
      apiGroup(object) === 'bitnami.com'
    ) {
      const spec = isRecord(object.spec) ? object.spec : {};
      const { total } = countValues(spec.encryptedData);
      if (total > 0) {
        findings.push({
          severity: 'warning',
          code: 'encrypted-secret-in-git',
          message: `${subject} stores ${plural(
            total,
            'encrypted value',
          )} in Git. ${ADVICE}`,
          location,
        });
      }
    } else if (
      isSecretProviderClass(object) &&
      parseSecretProviderClass(object).malformed
    ) {
      findings.push({
        severity: 'warning',
        code: 'invalid-secret-provider-class',
        message: `${subject}: spec.parameters do not have the shape its provider expects, so its secret references cannot be listed.`,
        location,
      });
    }
  }

  for (const path of [...sopsPaths].sort()) {
    findings.push({
      severity: 'warning',
      code: 'encrypted-secret-in-git',
      message: `${path} is SOPS-encrypted: secrets are stored in Git, encrypted. ${ADVICE}`,
      location: path,
    });
  }

  return [...findings, ...unresolvedFindings(input.refs, desired, locate)];
}
