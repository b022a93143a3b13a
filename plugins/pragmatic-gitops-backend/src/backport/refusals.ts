/**
 * Fields a back-port does not write, each with the reason a person reads:
 * what to do instead. Reasons never carry a value.
 */
import type { BackportRefusal } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

export type FieldRefusal = BackportRefusal;

export type RefusalCode = BackportRefusal['code'];

const REASONS: Record<RefusalCode, string> = {
  'secret-value':
    'Secret values are never written into a patch: change it in your secret manager.',
  'not-declared':
    'No manifest of the source declares this field: it likely comes from Helm values or a Kustomize overlay. Change it there.',
  terraform:
    'Terraform state is not patched: change the resource in its .tf configuration and apply the plan.',
  migration:
    'Migrations are not patched: add a migration to the repository that makes the same change.',
  'removed-live':
    'The live object no longer has this field: remove it from the manifest by hand.',
  'not-writable':
    'The object’s kind, API version and root are not back-ported.',
  'invalid-path': 'The path is not a JSON pointer.',
  overlapping:
    'Another written field of the same hotfix contains this one: only the outer one is written.',
  ignored: 'Scans ignore this field, so the back-port does not write it.',
  kustomize:
    'The Kustomize overlay the source points at does not set this field where a back-port can write it.',
};

/** `detail` (never a value) is added to the reason, e.g. the rule that applies. */
export function refusal(
  path: string,
  code: RefusalCode,
  resource?: BackportRefusal['resource'],
  detail?: string,
): FieldRefusal {
  return {
    ...(resource ? { resource } : {}),
    path,
    code,
    reason: detail ? `${REASONS[code]} ${detail}` : REASONS[code],
  };
}
