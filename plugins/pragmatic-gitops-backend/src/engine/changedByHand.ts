/**
 * Drift changed by hand: at least one difference whose recorded field
 * manager is not one of the configured GitOps managers. Differences without
 * attribution say nothing about who made them, so they never count.
 */
import type { ResourceDrift } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

export function isChangedByHand(
  resources: ReadonlyArray<Pick<ResourceDrift, 'differences'>> | undefined,
  gitopsFieldManagers: Iterable<string>,
): boolean {
  const gitops = new Set(gitopsFieldManagers);
  return (resources ?? []).some(resource =>
    (resource.differences ?? []).some(
      difference =>
        difference.changedBy !== undefined &&
        !gitops.has(difference.changedBy.manager),
    ),
  );
}
