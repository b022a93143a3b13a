import { Knex } from 'knex';
import { trackedSinceColumn, trackedSinceOf } from './trackedSince';
import { whereKeyIn } from './whereKeyIn';
import {
  DriftStatus,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** What the engine computed for one entity; `detail` is stored as JSON. */
export type EntityStatusRecord<Detail = unknown> = {
  entityRef: string;
  track: Track | null;
  status: DriftStatus;
  reason?: string;
  owner?: string;
  title?: string;
  checkedAt: Date;
  /**
   * When the status it describes came about (the observation's time, a
   * provider's timestamp, a ledger event); default `checkedAt`. Dates a
   * transition and `since`; never earlier than the previous transition.
   */
  changedAt?: Date;
  /** A difference was made by a field manager that is not a GitOps one. */
  changedByHand?: boolean;
  /**
   * When the inputs were read, if before `checkedAt` (a fleet scan reads a
   * page at a time): a status stored by a computation that began later
   * (a push meanwhile) is newer, and is kept.
   */
  inputsReadAt?: Date;
  detail: Detail;
};

/** A stored record plus when its current status began. */
export type StoredEntityStatus<Detail = unknown> =
  EntityStatusRecord<Detail> & {
    since: Date;
    /** When tracking began: the first transition; set by `get`. */
    trackedSince?: Date;
  };

export type StatusTransition = {
  from: DriftStatus | null;
  to: DriftStatus;
  reason?: string;
  at: Date;
};

type EntityStatusRow = {
  entity_ref: string;
  track: string | null;
  status: string;
  reason: string | null;
  owner: string | null;
  title: string | null;
  since: Date | string;
  checked_at: Date | string;
  detail: string;
  finding_codes?: string | null;
  changed_by_hand?: boolean | number;
  tracked_since?: Date | string | number | null;
};

/** Rows per statement: far below the bind-parameter limits of both databases. */
const CHUNK = 200;

/** What `putMany` compares with; the stored detail is compared as text. */
const PREVIOUS_COLUMNS = [
  'entity_ref',
  'track',
  'status',
  'reason',
  'owner',
  'title',
  'since',
  'checked_at',
  'detail',
  'changed_by_hand',
];

/** Entity refs are stored lower-cased, matching entities as the catalog does. */
export function entityKey(entityRef: string): string {
  // Entity refs are ASCII (catalog validation), where this equals the
  // catalog's toLocaleLowerCase('en-US') and is much cheaper on hot paths.
  return entityRef.toLowerCase();
}

/** Reads and writes stored entity statuses and their transition history. */
export class EntityStatusStore {
  constructor(private readonly db: Knex) {}

  async get<Detail>(
    entityRef: string,
  ): Promise<StoredEntityStatus<Detail> | undefined> {
    const row: EntityStatusRow | undefined = await this.db('entity_status')
      .select(
        'entity_status.*',
        trackedSinceColumn(this.db, 'entity_status.entity_ref'),
      )
      .where('entity_status.entity_ref', entityKey(entityRef))
      .first();
    return row ? fromRow<Detail>(row) : undefined;
  }

  /**
   * Stores the latest status. A changed status appends a transition and
   * restarts `since`; an unchanged one only refreshes the detail, so "drifted
   * since" survives rescans. `updated` says whether anything but the check
   * time changed, i.e. whether a reader would see something new.
   */
  async put(
    record: EntityStatusRecord,
  ): Promise<StoredEntityStatus & { updated: boolean }> {
    const [stored] = await this.putMany([record]);
    return stored;
  }

  /**
   * `put` for many entities in one transaction (a fleet scan stores a chunk
   * at a time): one read of the previous rows, one upsert of the changed
   * rows, one update of the check time of the unchanged ones and one insert
   * of the transitions, instead of a transaction per entity. Results are in
   * the order of `records`; a ref given twice is stored as if put twice. A
   * record superseded by a later computation (see `inputsReadAt`) is not
   * stored and answers `updated: false`.
   */
  async putMany(
    records: readonly EntityStatusRecord[],
  ): Promise<Array<StoredEntityStatus & { updated: boolean }>> {
    if (records.length === 0) return [];
    return this.db.transaction(async tx => {
      const keys = [...new Set(records.map(r => entityKey(r.entityRef)))];
      const current = new Map<string, EntityStatusRow>();
      for (const batch of chunks(keys, CHUNK)) {
        const query = whereKeyIn(
          tx,
          tx<EntityStatusRow>('entity_status').select(PREVIOUS_COLUMNS),
          'entity_ref',
          batch,
        );
        // Row locks (PostgreSQL): a push storing the same entity meanwhile
        // waits, as it did for a single put. SQLite has one writer anyway.
        if (tx.client.dialect !== 'sqlite3') query.forUpdate();
        for (const row of (await query) as EntityStatusRow[]) {
          current.set(row.entity_ref, row);
        }
      }

      const rewritten = new Map<string, EntityStatusRow>();
      const checked = new Map<string, Date>();
      const transitions: object[] = [];
      const results = records.map(record => {
        const key = entityKey(record.entityRef);
        const {
          changedAt: _changedAt,
          changedByHand: _changedByHand,
          inputsReadAt,
          ...stored
        } = record;
        const previous = current.get(key);
        if (
          previous &&
          inputsReadAt &&
          toDate(previous.checked_at).getTime() > inputsReadAt.getTime()
        ) {
          return { ...stored, since: toDate(previous.since), updated: false };
        }
        const outcome = nextRow(record, previous);
        current.set(key, outcome.row);
        if (outcome.unchanged && !rewritten.has(key)) {
          checked.set(key, record.checkedAt);
        } else {
          checked.delete(key);
          rewritten.set(key, outcome.row);
        }
        if (outcome.transition) transitions.push(outcome.transition);
        return {
          ...stored,
          since: outcome.row.since as Date,
          updated: !outcome.unchanged,
        };
      });

      for (const batch of chunks([...rewritten.values()], CHUNK)) {
        await tx('entity_status')
          .insert(batch)
          .onConflict('entity_ref')
          .merge();
      }
      // The common case of a rescan: only the check time moves, so the
      // (large) detail is not rewritten.
      for (const batch of chunks([...checked], CHUNK)) {
        await tx('entity_status')
          .update({ checked_at: perKey(tx, batch) })
          .whereIn(
            'entity_ref',
            batch.map(([key]) => key),
          );
      }
      for (const batch of chunks(transitions, CHUNK)) {
        await tx('status_transitions').insert(batch);
      }
      return results;
    });
  }

  async history(entityRef: string): Promise<StatusTransition[]> {
    const rows = await this.db('status_transitions')
      .where({ entity_ref: entityKey(entityRef) })
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(row => ({
      from: row.from_status ?? null,
      to: row.to_status,
      ...(row.reason ? { reason: row.reason } : {}),
      at: toDate(row.at),
    }));
  }
}

/**
 * The row to store for `record` after `previous`: a changed status (or
 * reason) restarts `since` and makes a transition; `unchanged` means only
 * the check time moves.
 */
function nextRow(
  record: EntityStatusRecord,
  previous: EntityStatusRow | undefined,
): { row: EntityStatusRow; unchanged: boolean; transition?: object } {
  const key = entityKey(record.entityRef);
  const changed =
    !previous ||
    previous.status !== record.status ||
    (previous.reason ?? undefined) !== record.reason;
  const since =
    changed || !previous
      ? notBefore(
          record.changedAt ?? record.checkedAt,
          previous ? toDate(previous.since) : undefined,
        )
      : toDate(previous.since);
  const row: EntityStatusRow = {
    entity_ref: key,
    track: record.track,
    status: record.status,
    reason: record.reason ?? null,
    owner: record.owner ?? null,
    title: record.title ?? null,
    since,
    checked_at: record.checkedAt,
    detail: JSON.stringify(record.detail ?? {}),
    finding_codes: findingCodes(record.detail),
    changed_by_hand: record.changedByHand ?? false,
  };
  const unchanged =
    previous !== undefined &&
    !changed &&
    previous.detail === row.detail &&
    previous.track === row.track &&
    previous.owner === row.owner &&
    previous.title === row.title &&
    Boolean(previous.changed_by_hand) === row.changed_by_hand;
  return {
    row,
    unchanged,
    transition: changed
      ? {
          entity_ref: key,
          from_status: previous?.status ?? null,
          to_status: record.status,
          reason: record.reason ?? null,
          at: since,
        }
      : undefined,
  };
}

/** `case entity_ref when k1 then d1 … end`: one update for many check times. */
function perKey(db: Knex, pairs: Array<[string, Date]>): Knex.Raw {
  // PostgreSQL types the parameters of a bare CASE as text.
  const value = db.client.dialect === 'postgresql' ? '?::timestamptz' : '?';
  return db.raw(
    `case entity_ref ${pairs.map(() => `when ? then ${value}`).join(' ')} end`,
    pairs.flat(),
  );
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/** ` code-a code-b ` (padded, so a LIKE '% code %' matches whole codes). */
function findingCodes(detail: unknown): string | null {
  const findings = (
    detail as { findings?: Array<{ code?: unknown }> } | undefined
  )?.findings;
  const codes = [...new Set((findings ?? []).map(f => String(f.code)))].sort();
  return codes.length > 0 ? ` ${codes.join(' ')} ` : null;
}

function fromRow<Detail>(row: EntityStatusRow): StoredEntityStatus<Detail> {
  const trackedSince = trackedSinceOf(row);
  return {
    entityRef: row.entity_ref,
    track: (row.track as Track | null) ?? null,
    status: row.status as DriftStatus,
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.owner ? { owner: row.owner } : {}),
    ...(row.title ? { title: row.title } : {}),
    since: toDate(row.since),
    ...(trackedSince ? { trackedSince } : {}),
    checkedAt: toDate(row.checked_at),
    detail: JSON.parse(row.detail) as Detail,
  };
}

function notBefore(at: Date, floor: Date | undefined): Date {
  return floor && floor.getTime() > at.getTime() ? floor : at;
}

/** SQLite hands timestamps back as numbers or strings, PostgreSQL as Dates. */
function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}
