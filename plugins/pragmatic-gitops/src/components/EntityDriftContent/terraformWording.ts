import { EntityDrift } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** What the resource table's columns and the source fields are called. */
export type Wording = {
  kind: string;
  name: string;
  gitSource: string;
  liveSource: string;
};

/**
 * A Terraform entity is named in Terraform's words: resource type and
 * address, the configuration in Git and the state (or plan) it is compared
 * with; everything else in Kubernetes' words.
 */
export const WORDING: Record<'kubernetes' | 'terraform', Wording> = {
  kubernetes: {
    kind: 'Kind',
    name: 'Namespace/name',
    gitSource: 'Desired state from',
    liveSource: 'Live state from',
  },
  terraform: {
    kind: 'Type',
    name: 'Address',
    gitSource: 'Configuration from',
    liveSource: 'State from',
  },
};

/** Terraform resources only (the backend sends them as `apiVersion: terraform`). */
export function isTerraformResources(
  resources: ReadonlyArray<{ apiVersion: string }>,
): boolean {
  return (
    resources.length > 0 && resources.every(r => r.apiVersion === 'terraform')
  );
}

/** Whether the entity's drift is Terraform's: its resources or its plan. */
export function wordingOf(
  drift: Pick<EntityDrift, 'resources' | 'pending'>,
): Wording {
  const resources = drift.resources ?? [];
  const terraform =
    resources.length > 0
      ? isTerraformResources(resources)
      : Boolean(drift.pending?.terraform?.length);
  return WORDING[terraform ? 'terraform' : 'kubernetes'];
}
