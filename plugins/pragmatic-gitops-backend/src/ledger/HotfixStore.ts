import { Knex } from 'knex';
import { whereKeyIn } from '../database/whereKeyIn';
import { isUniqueViolation } from './dbErrors';
import { EventRow, eventFromRow, fromRow } from './hotfixRows';
import {
  HotfixEventRecord,
  HotfixEventType,
  HotfixStatus,
  StoredHotfix,
  TERMINAL_STATUSES,
} from './types';

export type NewHotfixRow = Omit<StoredHotfix, 'seq' | 'status'> & {
  idempotencyKey?: string;
};

export type NewEvent = {
  type: HotfixEventType;
  status?: HotfixStatus;
  actor?: string;
  at: Date;
  detail?: Record<string, unknown>;
};

/**
 * `appended`: the event is stored; `conflict`: the hotfix is no longer
 * pending-backport; `duplicate`: an event of this type is already stored.
 */
export type AppendOutcome =
  | { outcome: 'appended' | 'conflict' | 'duplicate'; status: HotfixStatus }
  | { outcome: 'not-found' };

/**
 * `created`: inserted now; `replayed`: the idempotency key's first record;
 * `capped`: the entity has `open` pending hotfixes, at or over the cap.
 */
export type InsertOutcome =
  | { outcome: 'created' | 'replayed'; hotfix: StoredHotfix }
  | { outcome: 'capped'; open: number };

/** Refs per `where in` query; below every database's bound-parameter limit. */
const CHUNK = 500;

/**
 * The insert-only hotfix tables. No method updates or deletes a row; the
 * database's unique indexes make every "only once" rule hold across replicas.
 */
export class HotfixStore {
  constructor(private readonly db: Knex) {}

  /**
   * Inserts a hotfix and its `recorded` event atomically; a known idempotency
   * key returns the first record. With `maxOpen`, refuses (`capped`, nothing
   * written) when the entity already has that many pending hotfixes.
   */
  async insert(
    row: NewHotfixRow,
    { maxOpen }: { maxOpen?: number } = {},
  ): Promise<InsertOutcome> {
    const replay = (db: Knex | Knex.Transaction) =>
      row.idempotencyKey
        ? this.byIdempotencyKey(row.appliedBy, row.idempotencyKey, db)
        : undefined;
    try {
      const result = await this.db.transaction(async tx => {
        await this.lockEntity(tx, row.entityRef, row.recordedAt);
        const first = await replay(tx);
        if (first) return { outcome: 'replayed' as const, hotfix: first };
        if (maxOpen !== undefined) {
          const open = await this.pendingOf(tx, row.entityRef);
          if (open >= maxOpen) return { outcome: 'capped' as const, open };
        }
        const [inserted] = await tx('hotfixes')
          .insert({
            entity_ref: row.entityRef,
            title: row.title,
            description: row.description ?? null,
            incident_url: row.incidentUrl ?? null,
            applied_by: row.appliedBy,
            applied_at: row.appliedAt,
            recorded_at: row.recordedAt,
            changes: JSON.stringify(row.changes),
            idempotency_key: row.idempotencyKey ?? null,
          })
          .returning('id');
        const id = Number(
          typeof inserted === 'object' ? inserted.id : inserted,
        );
        await tx('hotfix_events').insert({
          hotfix_id: id,
          type: 'recorded',
          status: 'pending-backport',
          actor: row.appliedBy,
          at: row.recordedAt,
          detail: null,
        });
        return { outcome: 'created' as const, seq: id };
      });
      if (result.outcome !== 'created') return result;
      return { outcome: 'created', hotfix: (await this.get(result.seq))! };
    } catch (error) {
      // The same key's first record, inserted for another entity (so under
      // another lock) by a concurrent retry: answer with it.
      const winner = isUniqueViolation(error)
        ? await replay(this.db)
        : undefined;
      if (winner) return { outcome: 'replayed', hotfix: winner };
      throw error;
    }
  }

  async get(seq: number): Promise<StoredHotfix | undefined> {
    const row = await this.select().where('h.id', seq).first();
    return row ? fromRow(row) : undefined;
  }

  async byIdempotencyKey(
    appliedBy: string,
    key: string,
    db: Knex | Knex.Transaction = this.db,
  ): Promise<StoredHotfix | undefined> {
    const row = await this.select(db)
      .where({ 'h.applied_by': appliedBy, 'h.idempotency_key': key })
      .first();
    return row ? fromRow(row) : undefined;
  }

  /** Newest first. `appliedBefore` keeps those applied at or before it. */
  async list(
    filter: {
      entityRef?: string;
      /** Lower-cased refs: hotfixes of any of these entities. */
      entityRefs?: readonly string[];
      status?: HotfixStatus;
      appliedBefore?: Date;
      withoutEvent?: HotfixEventType;
      withEvent?: HotfixEventType;
    } = {},
  ): Promise<StoredHotfix[]> {
    const query = this.select().orderBy('h.id', 'desc');
    if (filter.entityRef) query.where('h.entity_ref', filter.entityRef);
    if (filter.entityRefs) {
      whereKeyIn(this.db, query, 'h.entity_ref', filter.entityRefs);
    }
    if (filter.status) this.whereStatus(query, filter.status);
    if (filter.appliedBefore) {
      query.where('h.applied_at', '<=', filter.appliedBefore);
    }
    const eventOf = (type: HotfixEventType) =>
      this.db('hotfix_events as w')
        .select(this.db.raw('1'))
        .where('w.hotfix_id', this.db.ref('h.id'))
        .where('w.type', type);
    if (filter.withoutEvent) query.whereNotExists(eventOf(filter.withoutEvent));
    if (filter.withEvent) query.whereExists(eventOf(filter.withEvent));
    return (await query).map(fromRow);
  }

  /** Events per hotfix, oldest first. */
  async events(seqs: number[]): Promise<Map<number, HotfixEventRecord[]>> {
    const result = new Map<number, HotfixEventRecord[]>(
      seqs.map(seq => [seq, []]),
    );
    for (let i = 0; i < seqs.length; i += CHUNK) {
      const rows: EventRow[] = await this.db('hotfix_events')
        .whereIn('hotfix_id', seqs.slice(i, i + CHUNK))
        .orderBy('id', 'asc');
      for (const row of rows) {
        result.get(Number(row.hotfix_id))?.push(eventFromRow(row));
      }
    }
    return result;
  }

  /**
   * Appends an event unless its type is already stored for the hotfix or,
   * with `onlyIfPending`, the hotfix has left pending-backport. The hotfix row
   * is locked (PostgreSQL, MySQL) and the unique indexes catch any race left.
   */
  async append(
    seq: number,
    event: NewEvent,
    { onlyIfPending }: { onlyIfPending: boolean },
  ): Promise<AppendOutcome> {
    try {
      return await this.db.transaction(async tx => {
        const lock = tx('hotfixes').where('id', seq).first('id');
        if (this.db.client.dialect !== 'sqlite3') lock.forUpdate();
        if (!(await lock)) return { outcome: 'not-found' as const };
        const status = await this.statusOf(tx, seq);
        if (onlyIfPending && status !== 'pending-backport') {
          return { outcome: 'conflict' as const, status };
        }
        const existing = await tx('hotfix_events')
          .where({ hotfix_id: seq, type: event.type })
          .first('id');
        if (existing) return { outcome: 'duplicate' as const, status };
        await tx('hotfix_events').insert({
          hotfix_id: seq,
          type: event.type,
          status: event.status ?? null,
          actor: event.actor ?? null,
          at: event.at,
          detail: event.detail ? JSON.stringify(event.detail) : null,
        });
        return { outcome: 'appended' as const, status: event.status ?? status };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const status = await this.statusOf(this.db, seq);
      return {
        outcome: status === 'pending-backport' ? 'duplicate' : 'conflict',
        status,
      };
    }
  }

  /**
   * Pending hotfixes, those of them applied at or before `cutoff`, and
   * reverted ones whose alarm nobody acknowledged yet.
   */
  async counts(
    cutoff: Date,
    entityKeys?: ReadonlySet<string>,
  ): Promise<{ pending: number; overdue: number; reverted: number }> {
    // One query, three conditional sums: the overview asks on every request.
    const pending = this.db.raw('not exists ?', [
      this.transition('pending-backport'),
    ]);
    const acknowledged = this.db('hotfix_events as k')
      .select(this.db.raw('1'))
      .where('k.hotfix_id', this.db.ref('h.id'))
      .where('k.type', 'acknowledged');
    const sum = (condition: Knex.Raw, name: string) =>
      this.db.raw('coalesce(sum(case when ? then 1 else 0 end), 0) as ??', [
        condition,
        name,
      ]);
    const query = this.db('hotfixes as h').select(
      sum(pending, 'pending'),
      sum(
        this.db.raw('? and ?? <= ?', [pending, 'h.applied_at', cutoff]),
        'overdue',
      ),
      sum(
        this.db.raw('exists ? and not exists ?', [
          this.transition('reverted'),
          acknowledged,
        ]),
        'reverted',
      ),
    );
    if (entityKeys) whereKeyIn(this.db, query, 'h.entity_ref', entityKeys);
    const [row] = await query;
    return {
      pending: Number(row.pending),
      overdue: Number(row.overdue),
      reverted: Number(row.reverted),
    };
  }

  private select(db: Knex | Knex.Transaction = this.db) {
    return db('hotfixes as h').select(
      'h.*',
      db('hotfix_events as s')
        .select('s.status')
        .where('s.hotfix_id', db.ref('h.id'))
        .whereNotNull('s.status')
        .orderBy('s.id', 'desc')
        .limit(1)
        .as('status'),
      // At most one per hotfix: the unique index on (hotfix_id, type).
      db('hotfix_events as a')
        .select('a.actor')
        .where('a.hotfix_id', db.ref('h.id'))
        .where('a.type', 'acknowledged')
        .as('acknowledged_by'),
      db('hotfix_events as a')
        .select('a.at')
        .where('a.hotfix_id', db.ref('h.id'))
        .where('a.type', 'acknowledged')
        .as('acknowledged_at'),
    );
  }

  /**
   * Takes the entity's lock row until the transaction ends, creating it on
   * the entity's first hotfix. The upsert row-locks on PostgreSQL and MySQL
   * (a concurrent insert of the same entity waits for this commit); SQLite
   * has one writer at a time.
   */
  private async lockEntity(tx: Knex.Transaction, entityRef: string, at: Date) {
    await tx('hotfix_entity_locks')
      .insert({ entity_ref: entityRef, locked_at: at })
      .onConflict('entity_ref')
      .merge(['locked_at']);
  }

  private async pendingOf(tx: Knex.Transaction, entityRef: string) {
    const query = tx('hotfixes as h').where('h.entity_ref', entityRef);
    this.whereStatus(query, 'pending-backport');
    const [{ n }] = await query.count({ n: '*' });
    return Number(n);
  }

  /** At most one transition leaves pending-backport, so that is the status unless one exists. */
  private whereStatus(query: Knex.QueryBuilder, status: HotfixStatus) {
    if (status === 'pending-backport') {
      query.whereNotExists(this.transition(status));
    } else {
      query.whereExists(this.transition(status));
    }
  }

  /**
   * Transitions of hotfix `h` to `status`; for pending-backport, to any
   * terminal status (pending is the status while none exists).
   */
  private transition(status: HotfixStatus) {
    const transition = this.db('hotfix_events as t')
      .select(this.db.raw('1'))
      .where('t.hotfix_id', this.db.ref('h.id'));
    return status === 'pending-backport'
      ? transition.whereIn('t.status', TERMINAL_STATUSES)
      : transition.where('t.status', status);
  }

  private async statusOf(
    db: Knex | Knex.Transaction,
    seq: number,
  ): Promise<HotfixStatus> {
    const row = await db('hotfix_events')
      .where('hotfix_id', seq)
      .whereNotNull('status')
      .orderBy('id', 'desc')
      .first('status');
    return (row?.status as HotfixStatus) ?? 'pending-backport';
  }
}
