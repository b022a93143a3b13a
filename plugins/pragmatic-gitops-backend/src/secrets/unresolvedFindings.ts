import {
  ANNOTATION_SECRET_REFS,
  ANNOTATION_VAULT_SECRETS_PATH,
  Finding,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { KubeObject } from '../engine/types';
import { NOT_PRODUCED_REASON } from './extractSecretRefs';
import { SecretRef } from './types';

/** Where an object is: its source file when known, else `Kind/name`. */
export type Locate = (object: KubeObject) => string;

function usedByText(ref: SecretRef): string {
  const users = ref.usedBy.map(
    u =>
      `${u.kind}/${u.name}${u.container ? ` (container ${u.container})` : ''}`,
  );
  return users.length > 0 ? ` used by ${users.join(', ')}` : '';
}

function locationOf(
  ref: SecretRef,
  desired: KubeObject[],
  locate: Locate,
): string | undefined {
  if (ref.via === 'annotation') {
    // `vault.io/secrets-path` refs are folders: their key ends in '/'.
    return ref.key.endsWith('/') && ref.store.kind === 'vault'
      ? ANNOTATION_VAULT_SECRETS_PATH
      : ANNOTATION_SECRET_REFS;
  }
  const anchor = ref.declaredBy ?? ref.usedBy[0];
  if (!anchor) return undefined;
  const object = desired.find(
    o => o.kind === anchor.kind && o.metadata.name === anchor.name,
  );
  return object ? locate(object) : `${anchor.kind}/${anchor.name}`;
}

function message(ref: SecretRef): string {
  const property = ref.property ? ` key '${ref.property}'` : '';
  if (ref.via === 'kubernetes-secret') {
    return `Secret '${ref.key}'${property}${usedByText(ref)} is ${
      ref.resolution.reason ?? NOT_PRODUCED_REASON
    }: no ExternalSecret, SecretProviderClass, SealedSecret or Secret declares it, so it must be created by hand.`;
  }
  const store = `${ref.store.kind}${
    ref.store.name ? ` store '${ref.store.name}'` : ''
  }`;
  const declared = ref.declaredBy
    ? ` (referenced by ${ref.declaredBy.kind}/${ref.declaredBy.name})`
    : '';
  const reason = ref.resolution.reason ? `: ${ref.resolution.reason}` : '';
  return `${store} has no secret at '${
    ref.key
  }'${property}${declared}${usedByText(ref)}${reason}.`;
}

/**
 * `unresolved-secret-ref` findings: references whose store says the secret
 * is missing, and Kubernetes Secrets that nothing in Git produces.
 */
export function unresolvedFindings(
  refs: SecretRef[],
  desired: KubeObject[],
  locate: Locate,
): Finding[] {
  return refs
    .filter(ref => ref.resolution.status === 'missing')
    .map(ref => {
      const location = locationOf(ref, desired, locate);
      return {
        severity: 'warning' as const,
        code: 'unresolved-secret-ref',
        message: message(ref),
        ...(location ? { location } : {}),
      };
    });
}
