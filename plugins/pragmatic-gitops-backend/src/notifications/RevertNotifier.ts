import { entityPageLink } from '../ledger/entityPageLink';
import { formatHotfixId } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { HotfixStore } from '../ledger/HotfixStore';
import { StoredHotfix } from '../ledger/types';
import { notifyOnce, NotifyOnceDeps } from './notifyOnce';

export const REVERTED_TOPIC = 'pragmatic-gitops-hotfix-reverted';

/**
 * Tells entity owners, once per hotfix, that the controller undid an
 * emergency fix (the hotfix became `reverted`): the incident it fixed may be
 * back. Reverts someone already acknowledged are not announced.
 */
export class RevertNotifier {
  constructor(
    private readonly options: NotifyOnceDeps & {
      store: HotfixStore;
      now: () => Date;
    },
  ) {}

  /** Returns the ids of the hotfixes notified by this call. */
  async notifyReverted(): Promise<{ notified: string[] }> {
    const { store } = this.options;
    const now = this.options.now();
    const candidates = await store.list({
      status: 'reverted',
      withoutEvent: 'acknowledged',
    });
    const events = await store.events(candidates.map(h => h.seq));
    const notified: string[] = [];
    for (const hotfix of candidates) {
      const revertedAt =
        events.get(hotfix.seq)?.find(event => event.type === 'reverted')?.at ??
        hotfix.recordedAt;
      const id = formatHotfixId(hotfix.seq);
      const sent = await notifyOnce(
        this.options,
        { topic: REVERTED_TOPIC, subject: id, episodeAt: revertedAt },
        notice(hotfix, id, revertedAt),
        now,
      );
      if (sent) notified.push(id);
    }
    return { notified };
  }
}

function notice(hotfix: StoredHotfix, id: string, revertedAt: Date) {
  return {
    entityRef: hotfix.entityRef,
    what: `hotfix ${id} was reverted`,
    payload: {
      title: `Hotfix ${id} on ${hotfix.entityRef} was reverted by the controller`,
      description: `"${hotfix.title}", applied by ${
        hotfix.appliedBy
      } at ${hotfix.appliedAt.toISOString()}, was undone at ${revertedAt.toISOString()}: live state is back to what Git declares, so the emergency fix is gone. Check whether the incident is back; then commit the fix to Git (with a "Backport-Of: ${id}" trailer) and acknowledge the revert on the entity's GitOps tab.`,
      link: entityPageLink(hotfix.entityRef),
      severity: 'high' as const,
    },
  };
}
