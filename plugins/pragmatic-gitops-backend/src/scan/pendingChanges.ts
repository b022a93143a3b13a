import { PendingChanges } from '../engine/types';
import { MergedLiveState } from './mergeLiveState';

/** Pending changes with where the Terraform plan came from (a pipeline run link when pushed with one). */
export function withPlanSource(
  pending: PendingChanges,
  live: MergedLiveState,
): PendingChanges {
  if (!pending.terraform?.length || !live.terraformSource) {
    return pending;
  }
  return {
    ...pending,
    terraformPlanSource: {
      source: live.terraformSource,
      ...(live.terraformRunUrl ? { runUrl: live.terraformRunUrl } : {}),
    },
  };
}

/** Whether there is anything to apply: a Terraform plan or migrations not applied. */
export function hasPendingChanges(
  pending: PendingChanges | undefined,
): pending is PendingChanges {
  return Boolean(
    pending?.terraform?.length || pending?.migrations?.notApplied.length,
  );
}
