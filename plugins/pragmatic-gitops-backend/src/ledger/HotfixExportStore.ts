import { Knex } from 'knex';
import { whereKeyIn } from '../database/whereKeyIn';
import { EventRow, eventFromRow, fromRow, HotfixRow } from './hotfixRows';
import { HotfixEventRecord, StoredHotfix } from './types';

export type HotfixExportScope = {
  /** Applied at or after. */
  from?: Date;
  /** Applied before. */
  to?: Date;
  /** Lower-cased refs the caller may read; absent: all. */
  readable?: ReadonlySet<string>;
  /** Normalised owner ref: only hotfixes of this owner's entities (as last scanned). */
  owner?: string;
};

export type ExportedHotfix = StoredHotfix & { events: HotfixEventRecord[] };

/** Hotfixes per page: two queries each, whatever the range holds. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Every hotfix applied in a range with all its events, oldest first, read
 * one page at a time (keyset on the id), so an export of a year holds one
 * page in memory, never the whole ledger.
 */
export class HotfixExportStore {
  constructor(private readonly db: Knex) {}

  async *pages(
    scope: HotfixExportScope,
    pageSize = EXPORT_PAGE_SIZE,
  ): AsyncGenerator<ExportedHotfix[]> {
    let after = 0;
    for (;;) {
      const query = this.db('hotfixes as h')
        .select('h.*')
        .where('h.id', '>', after)
        .orderBy('h.id', 'asc')
        .limit(pageSize);
      if (scope.from) query.where('h.applied_at', '>=', scope.from);
      if (scope.to) query.where('h.applied_at', '<', scope.to);
      if (scope.readable) {
        whereKeyIn(this.db, query, 'h.entity_ref', scope.readable);
      }
      if (scope.owner) {
        // The owner the fleet page filters on: the one the scan stored.
        query
          .join('entity_status as s', 's.entity_ref', 'h.entity_ref')
          .where('s.owner', scope.owner);
      }
      const rows: HotfixRow[] = await query;
      if (rows.length === 0) return;
      const ids = rows.map(row => Number(row.id));
      const eventRows: EventRow[] = await this.db('hotfix_events')
        .whereIn('hotfix_id', ids)
        .orderBy('id', 'asc');
      const events = new Map<number, HotfixEventRecord[]>(
        ids.map(id => [id, []]),
      );
      for (const row of eventRows) {
        events.get(Number(row.hotfix_id))!.push(eventFromRow(row));
      }
      yield rows.map(row => {
        const own = events.get(Number(row.id))!;
        // The status is that of the latest event that set one.
        const status = [...own].reverse().find(e => e.status)?.status ?? null;
        return { ...fromRow({ ...row, status }), events: own };
      });
      if (rows.length < pageSize) return;
      after = ids[ids.length - 1];
    }
  }
}
