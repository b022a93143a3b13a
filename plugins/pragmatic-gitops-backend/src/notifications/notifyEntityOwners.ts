import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';

type NotificationPayload = Parameters<
  NotificationService['send']
>[0]['payload'];

export type OwnerNotice = {
  entityRef: string;
  payload: NotificationPayload;
  /** What happened, for log lines: "hotfix HF-3 is overdue". */
  what: string;
};

/**
 * Sends a notice to the owners of an entity, after the caller claimed it.
 * Without a notification service the notice is only logged. A failed send
 * is logged and not retried: a missed notification is better than a
 * repeated one.
 */
export async function notifyEntityOwners(
  deps: { notifications?: NotificationService; logger: LoggerService },
  notice: OwnerNotice,
): Promise<void> {
  const { notifications, logger } = deps;
  if (!notifications) {
    logger.warn(
      `${notice.entityRef}: ${notice.what}; no notification service to tell its owners`,
    );
    return;
  }
  try {
    await notifications.send({
      recipients: { type: 'entity', entityRef: notice.entityRef },
      payload: notice.payload,
    });
  } catch (error) {
    logger.warn(
      `Could not notify the owners of ${notice.entityRef} that ${
        notice.what
      }; it will not be retried: ${(error as Error).message}`,
    );
  }
}
