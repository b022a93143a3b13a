import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationClaims, NotificationEpisode } from './NotificationClaims';
import { notifyEntityOwners, OwnerNotice } from './notifyEntityOwners';

export type NotifyOnceDeps = {
  claims: NotificationClaims;
  logger: LoggerService;
  notifications?: NotificationService;
};

/**
 * Claims the episode, then tells the entity's owners; false when another
 * call (this or another replica) claimed it first and nothing was sent.
 */
export async function notifyOnce(
  deps: NotifyOnceDeps,
  episode: NotificationEpisode,
  notice: Omit<OwnerNotice, 'payload'> & {
    payload: Omit<OwnerNotice['payload'], 'topic' | 'scope'>;
  },
  now: Date,
): Promise<boolean> {
  if (!(await deps.claims.claim(episode, now))) return false;
  await notifyEntityOwners(deps, {
    ...notice,
    payload: {
      ...notice.payload,
      topic: episode.topic,
      // The notifications backend also folds re-sends of one scope into one.
      scope: `${episode.topic}:${
        episode.subject
      }:${episode.episodeAt.toISOString()}`,
    },
  });
  return true;
}
