import { Hotfix } from '../../api/types';

function time(iso: string | undefined): number {
  const parsed = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}

/** Open (pending back-port) hotfixes whose back-port is already late. */
export function isOpen(hotfix: Hotfix): boolean {
  return hotfix.status === 'pending-backport';
}

/**
 * Open hotfixes first, the overdue ones at the very top, then the rest;
 * newest first within each group.
 */
export function sortHotfixes(hotfixes: Hotfix[]): Hotfix[] {
  const rank = (hotfix: Hotfix) => {
    if (!isOpen(hotfix)) {
      return 2;
    }
    return hotfix.overdue ? 0 : 1;
  };
  return [...hotfixes].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      time(b.appliedAt) - time(a.appliedAt) ||
      a.id.localeCompare(b.id),
  );
}
