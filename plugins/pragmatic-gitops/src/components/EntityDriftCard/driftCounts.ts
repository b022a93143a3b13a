import { EntityDrift } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { plural } from '../../utils/plural';

/** One line about how much is off: "2 of 5 resources not in sync". */
export function driftCounts(drift: EntityDrift): string | undefined {
  const pending = drift.pending;
  if (pending) {
    const terraform = pending.terraform?.length ?? 0;
    const migrations = pending.migrations?.notApplied.length ?? 0;
    const parts = [
      terraform > 0 && plural(terraform, 'Terraform change'),
      migrations > 0 && plural(migrations, 'migration'),
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
  return `${off} of ${plural(resources.length, 'resource')} not in sync`;
}
