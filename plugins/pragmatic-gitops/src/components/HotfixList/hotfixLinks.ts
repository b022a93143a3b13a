import { Hotfix, HotfixEvent } from '../../api/types';

/** The commit trailer that ties a back-port to its hotfix. */
export function backportTrailer(id: string): string {
  return `Backport-Of: ${id}`;
}

/** The latest event of a type, if the hotfix's events are known. */
export function latestEvent(
  hotfix: Hotfix,
  type: HotfixEvent['type'],
): HotfixEvent | undefined {
  return (hotfix.events ?? [])
    .filter(event => event.type === type)
    .reduce<HotfixEvent | undefined>(
      (latest, event) =>
        !latest || Date.parse(event.at) >= Date.parse(latest.at)
          ? event
          : latest,
      undefined,
    );
}

/** The commit or pull request that back-ported the hotfix, when known. */
export function backportLink(hotfix: Hotfix): string | undefined {
  return latestEvent(hotfix, 'backported')?.detail?.url;
}
