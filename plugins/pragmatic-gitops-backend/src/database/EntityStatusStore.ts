import { Knex } from 'knex';
import { trackedSinceColumn, trackedSinceOf } from './trackedSince';
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
    return this.db.transaction(async tx => {
      const key = entityKey(record.entityRef);
      const previous = await tx<EntityStatusRow>('entity_status')
        .where({ entity_ref: key })
        .forUpdate()
        .first();
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
      if (unchanged) {
        // The common case of a rescan: only the check time moves, so skip
        // rewriting the (large) detail.
        await tx('entity_status')
          .where({ entity_ref: key })
          .update({ checked_at: record.checkedAt });
      } else {
        await tx('entity_status').insert(row).onConflict('entity_ref').merge();
      }
      if (changed) {
        await tx('status_transitions').insert({
          entity_ref: key,
          from_status: previous?.status ?? null,
          to_status: record.status,
          reason: record.reason ?? null,
          at: since,
        });
      }
      const {
        changedAt: _changedAt,
        changedByHand: _changedByHand,
        ...stored
      } = record;
      return { ...stored, since, updated: !unchanged };
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
