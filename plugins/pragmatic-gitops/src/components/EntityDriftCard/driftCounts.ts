import { EntityDrift } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** One line about how much is off: "2 of 5 resources not in sync". */
export function driftCounts(drift: EntityDrift): string | undefined {
  const pending = drift.pending;
  if (pending) {
    const terraform = pending.terraform?.length ?? 0;
    const migrations = pending.migrations?.notApplied.length ?? 0;
    const parts = [
      terraform > 0 &&
        `${terraform} Terraform ${terraform === 1 ? 'change' : 'changes'}`,
      migrations > 0 &&
        `${migrations} ${migrations === 1 ? 'migration' : 'migrations'}`,
    ].filter(Boolean);
    if (parts.length > 0) {
      return `${parts.join(' and ')} pending`;
    }
  }
  const resources = drift.resources;
  if (!resources || resources.length === 0) {
    return undefined;
  }
  const off = resources.filter(r => r.status !== 'in-sync').length;
  const noun = resources.length === 1 ? 'resource' : 'resources';
  return `${off} of ${resources.length} ${noun} not in sync`;
}
