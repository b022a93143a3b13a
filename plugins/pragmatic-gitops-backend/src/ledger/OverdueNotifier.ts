import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Duration } from 'luxon';
import { backportDueAt, overdueCutoff } from './backportSla';
import { notifyEntityOwners } from '../notifications/notifyEntityOwners';
import { entityPageLink } from './entityPageLink';
import { formatHotfixId } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { HotfixStore } from './HotfixStore';
import { StoredHotfix } from './types';

export const OVERDUE_TOPIC = 'pragmatic-gitops-hotfix-overdue';

/**
 * Tells entity owners about hotfixes still owed to Git after the SLA, once
 * per hotfix. The `overdue-notified` event is committed before anything is
 * sent, and the database accepts it only once per hotfix, so two replicas
 * running this at the same time never notify twice. A failed send is logged
 * and not retried: a missed notification is better than a repeated one.
 */
export class OverdueNotifier {
  constructor(
    private readonly options: {
      store: HotfixStore;
      backportSla: Duration;
      logger: LoggerService;
      notifications?: NotificationService;
      now: () => Date;
    },
  ) {}

  /** Returns the ids of the hotfixes notified by this call. */
  async notifyOverdue(): Promise<{ notified: string[] }> {
    const { store, backportSla } = this.options;
    const now = this.options.now();
    const candidates = await store.list({
      status: 'pending-backport',
      appliedBefore: overdueCutoff(now, backportSla),
      withoutEvent: 'overdue-notified',
    });
    const notified: string[] = [];
    for (const hotfix of candidates) {
      const dueAt = backportDueAt(hotfix.appliedAt, backportSla);
      if (dueAt.getTime() > now.getTime()) continue;
      const claimed = await store.append(
        hotfix.seq,
        {
          type: 'overdue-notified',
          at: now,
          detail: { backportDueAt: dueAt.toISOString() },
        },
        { onlyIfPending: true },
      );
      if (claimed.outcome !== 'appended') continue;
      notified.push(formatHotfixId(hotfix.seq));
      await this.send(hotfix, dueAt);
    }
    return { notified };
  }

  private async send(hotfix: StoredHotfix, dueAt: Date): Promise<void> {
    const id = formatHotfixId(hotfix.seq);
    await notifyEntityOwners(this.options, {
      entityRef: hotfix.entityRef,
      what: `hotfix ${id} is overdue for back-port`,
      payload: {
        title: `Hotfix ${id} on ${hotfix.entityRef} is overdue for back-port to Git`,
        description: `"${hotfix.title}" was applied by ${
          hotfix.appliedBy
        } at ${hotfix.appliedAt.toISOString()} and was due in Git by ${dueAt.toISOString()}. Commit the change with a "Backport-Of: ${id}" trailer, or mark the hotfix abandoned.`,
        link: entityPageLink(hotfix.entityRef),
        severity: 'high',
        topic: OVERDUE_TOPIC,
      },
    });
  }
}
