import { Knex } from 'knex';
import { isUniqueViolation } from '../ledger/dbErrors';

/** One notification's identity: its topic, what it is about, and which episode of it. */
export type NotificationEpisode = {
  topic: string;
  subject: string;
  episodeAt: Date;
};

/**
 * "Only once" for notifications, settled by the database: the claim row is
 * inserted before anything is sent, and the unique index on (topic, subject,
 * episode_at) accepts it from exactly one replica.
 */
export class NotificationClaims {
  constructor(private readonly db: Knex) {}

  /** True when this call won the episode and should send; false when it was already claimed. */
  async claim(episode: NotificationEpisode, now: Date): Promise<boolean> {
    try {
      await this.db('notification_claims').insert({
        topic: episode.topic,
        subject: episode.subject,
        episode_at: episode.episodeAt,
        claimed_at: now,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /**
   * A `where not exists` for `query`: keeps rows whose episode (`subject`
   * and `episodeAt` columns of the outer query) nobody claimed yet.
   */
  whereUnclaimed(
    query: Knex.QueryBuilder,
    topic: string,
    columns: { subject: string; episodeAt: string },
  ): Knex.QueryBuilder {
    return query.whereNotExists(
      this.db('notification_claims as c')
        .select(this.db.raw('1'))
        .where('c.topic', topic)
        .where('c.subject', this.db.ref(columns.subject))
        .where('c.episode_at', this.db.ref(columns.episodeAt)),
    );
  }
}
