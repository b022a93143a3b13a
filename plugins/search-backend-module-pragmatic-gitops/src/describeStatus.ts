import {
  DriftStatus,
  OverviewItem,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

const STATUS_WORDS: Record<DriftStatus, string> = {
  'in-sync': 'in sync',
  drifted: 'drifted',
  explained: 'explained',
  pending: 'pending',
  unknown: 'unknown',
  'not-tracked': 'not tracked',
};

/**
 * The searchable sentence of one entity: its name and title, drift status
 * and track in plain words (`in sync`, not `in-sync`, so the words people
 * type match), owner and the reason of the status.
 */
export function describeStatus(
  item: OverviewItem & { track: NonNullable<OverviewItem['track']> },
  name: string,
): string {
  const words = STATUS_WORDS[item.status] ?? item.status;
  const owner = item.owner ? `, owned by ${ownerName(item.owner)}` : '';
  const title = item.title && item.title !== name ? ` (${item.title})` : '';
  const reason = item.reason ? ` ${item.reason}` : '';
  return `${name}${title} is ${words} on the ${item.track} track${owner}.${reason}`;
}

/** `group:default/team-payments` → `team-payments`. */
export function ownerName(owner: string): string {
  return owner.replace(/^[^:]*:/, '').replace(/^[^/]*\//, '');
}
