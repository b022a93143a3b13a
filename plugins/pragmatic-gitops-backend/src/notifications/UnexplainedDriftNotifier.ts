import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { DateTime, Duration } from 'luxon';
import { readPositiveDuration } from '../durationSetting';
import { toDate } from '../ledger/dbErrors';
import { entityPageLink } from '../ledger/entityPageLink';
import { notifyOnce, NotifyOnceDeps } from './notifyOnce';

export const UNEXPLAINED_DRIFT_TOPIC = 'pragmatic-gitops-unexplained-drift';
export const UNEXPLAINED_DRIFT_AFTER_KEY =
  'pragmaticGitops.notifications.unexplainedDriftAfter';
const DEFAULT_AFTER = Duration.fromObject({ hours: 1 });

/** Reads `pragmaticGitops.notifications.unexplainedDriftAfter`; default 1 hour. */
export function readUnexplainedDriftAfter(config: Config): Duration {
  return readPositiveDuration(
    config,
    UNEXPLAINED_DRIFT_AFTER_KEY,
    DEFAULT_AFTER,
  );
}

type DriftedRow = {
  entity_ref: string;
  title: string | null;
  reason: string | null;
  since: Date | string | number;
};

/**
 * Tells entity owners when their entity's drift has stayed unexplained (status
 * `drifted`: no recorded hotfix accounts for it) longer than the configured
 * time. Once per episode: one continuous drifted period, identified by the
 * status's `since`. Drift that is explained, or fixed and back, starts a new
 * episode only when it becomes `drifted` again.
 */
export class UnexplainedDriftNotifier {
  constructor(
    private readonly options: NotifyOnceDeps & {
      db: Knex;
      after: Duration;
      now: () => Date;
    },
  ) {}

  /** Returns the entity refs notified by this call. */
  async notifyUnexplainedDrift(): Promise<{ notified: string[] }> {
    const { db, claims, after } = this.options;
    const now = this.options.now();
    const cutoff = DateTime.fromJSDate(now).minus(after).toJSDate();
    const rows: DriftedRow[] = await claims.whereUnclaimed(
      db('entity_status as e')
        .select('e.entity_ref', 'e.title', 'e.reason', 'e.since')
        .where('e.status', 'drifted')
        .where('e.since', '<=', cutoff)
        .orderBy('e.since', 'asc'),
      UNEXPLAINED_DRIFT_TOPIC,
      { subject: 'e.entity_ref', episodeAt: 'e.since' },
    );
    const notified: string[] = [];
    for (const row of rows) {
      const since = toDate(row.since);
      const sent = await notifyOnce(
        this.options,
        {
          topic: UNEXPLAINED_DRIFT_TOPIC,
          subject: row.entity_ref,
          episodeAt: since,
        },
        notice(row, since, now),
        now,
      );
      if (sent) notified.push(row.entity_ref);
    }
    return { notified };
  }
}

function notice(row: DriftedRow, since: Date, now: Date) {
  const name = row.title ?? row.entity_ref;
  const lasted = Duration.fromObject({
    minutes: Math.round((now.getTime() - since.getTime()) / 60_000),
  })
    .rescale()
    .toHuman({ unitDisplay: 'short' });
  return {
    entityRef: row.entity_ref,
    what: 'its drift is unexplained',
    payload: {
      title: `${name} has drifted from Git, unexplained, for ${lasted}`,
      description: `Live state of ${
        row.entity_ref
      } differs from Git since ${since.toISOString()}${
        row.reason ? ` (${row.reason})` : ''
      } and no recorded hotfix explains it. Open its GitOps tab: if the change was made on purpose, record a hotfix and back-port it to Git; if not, let the controller sync it back.`,
      link: entityPageLink(row.entity_ref),
      severity: 'high' as const,
    },
  };
}
