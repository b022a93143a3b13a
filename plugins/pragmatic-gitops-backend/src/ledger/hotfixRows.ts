import { toDate } from './dbErrors';
import {
  HotfixChange,
  HotfixEventRecord,
  HotfixEventType,
  HotfixStatus,
  StoredHotfix,
} from './types';

/** Rows of the hotfix tables as the database returns them. */
export type HotfixRow = {
  id: number | string;
  entity_ref: string;
  title: string;
  description: string | null;
  incident_url: string | null;
  applied_by: string;
  applied_at: Date | string | number;
  recorded_at: Date | string | number;
  changes: string;
  status: string | null;
  acknowledged_by?: string | null;
  acknowledged_at?: Date | string | number | null;
};

export type EventRow = {
  hotfix_id: number | string;
  type: string;
  status: string | null;
  actor: string | null;
  at: Date | string | number;
  detail: string | null;
};

export function fromRow(row: HotfixRow): StoredHotfix {
  return {
    seq: Number(row.id),
    entityRef: row.entity_ref,
    title: row.title,
    ...(row.description !== null ? { description: row.description } : {}),
    ...(row.incident_url !== null ? { incidentUrl: row.incident_url } : {}),
    appliedBy: row.applied_by,
    appliedAt: toDate(row.applied_at),
    recordedAt: toDate(row.recorded_at),
    changes: JSON.parse(row.changes) as HotfixChange[],
    status: (row.status as HotfixStatus | null) ?? 'pending-backport',
    ...(row.acknowledged_at !== null && row.acknowledged_at !== undefined
      ? {
          acknowledgedBy: row.acknowledged_by ?? undefined,
          acknowledgedAt: toDate(row.acknowledged_at),
        }
      : {}),
  };
}

export function eventFromRow(row: EventRow): HotfixEventRecord {
  return {
    type: row.type as HotfixEventType,
    ...(row.status !== null ? { status: row.status as HotfixStatus } : {}),
    ...(row.actor !== null ? { actor: row.actor } : {}),
    at: toDate(row.at),
    ...(row.detail !== null ? { detail: JSON.parse(row.detail) } : {}),
  };
}
