import {
  DifferenceSides,
  ResourceDrift,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** What the two sides of a difference are called. */
export type SideLabels = { desired: string; live: string };

/**
 * Names of the sides per comparison: Kubernetes compares Git with live; a
 * Terraform refresh (`resource_drift`) what Terraform last applied with the
 * real infrastructure; a Terraform plan the current value with the planned one.
 */
export const SIDE_LABELS: Record<DifferenceSides, SideLabels> = {
  'git-live': { desired: 'Git', live: 'Live' },
  'applied-real': { desired: 'Last applied', live: 'Real infrastructure' },
  'current-planned': { desired: 'Current', live: 'Planned' },
};

/** The sides a resource's differences compare; older backends send no `sides`. */
export function sidesOf(
  resource: Pick<ResourceDrift, 'sides' | 'apiVersion'>,
): DifferenceSides {
  if (resource.sides) {
    return resource.sides;
  }
  return resource.apiVersion === 'terraform' ? 'applied-real' : 'git-live';
}
