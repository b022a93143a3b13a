import { Duration } from 'luxon';
import { backportDueAt } from './backportSla';
import { formatHotfixId } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { HotfixStore } from './HotfixStore';
import {
  HotfixListFilter,
  HotfixRecord,
  HotfixRecordWithEvents,
  StoredHotfix,
} from './types';

const DEFAULT_LIMIT = 100;

/** Turns stored hotfixes into records, with the SLA-derived fields computed at read time. */
export class HotfixRecords {
  constructor(
    private readonly store: HotfixStore,
    private readonly sla: Duration,
  ) {}

  toRecord(stored: StoredHotfix, now: Date): HotfixRecord {
    const { seq, ...rest } = stored;
    const dueAt = backportDueAt(stored.appliedAt, this.sla);
    return {
      id: formatHotfixId(seq),
      ...rest,
      backportDueAt: dueAt,
      overdue:
        stored.status === 'pending-backport' &&
        dueAt.getTime() <= now.getTime(),
    };
  }

  async withEvents(
    stored: StoredHotfix[],
    now: Date,
  ): Promise<HotfixRecordWithEvents[]> {
    const events = await this.store.events(stored.map(hotfix => hotfix.seq));
    return stored.map(hotfix => ({
      ...this.toRecord(hotfix, now),
      events: events.get(hotfix.seq) ?? [],
    }));
  }

  async withEventsOf(
    stored: StoredHotfix,
    now: Date,
  ): Promise<HotfixRecordWithEvents> {
    const [record] = await this.withEvents([stored], now);
    return record;
  }

  /** Applies the overdue filter (computed now) and one page of `offset`/`limit`. */
  page(
    stored: StoredHotfix[],
    filter: HotfixListFilter,
    now: Date,
  ): { items: HotfixRecord[]; totalItems: number } {
    const items = stored
      .map(hotfix => this.toRecord(hotfix, now))
      .filter(
        hotfix =>
          filter.overdue === undefined || hotfix.overdue === filter.overdue,
      );
    const offset = filter.offset ?? 0;
    const limit = filter.limit ?? DEFAULT_LIMIT;
    return {
      items: items.slice(offset, offset + limit),
      totalItems: items.length,
    };
  }
}
