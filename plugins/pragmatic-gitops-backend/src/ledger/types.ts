/**
 * Types of the hotfix ledger. `Hotfix`, `HotfixEvent` and `HotfixList` are
 * the JSON shapes of the REST API (dates as ISO strings); `HotfixRecord` and
 * `HotfixEventRecord` are what the service hands to backend code (dates as
 * Date objects).
 */

import type {
  HotfixChange,
  HotfixEventType,
  HotfixStatus,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

// The API shapes are shared with the frontend through the common package.
export { HOTFIX_STATUSES } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
export type { HotfixChange, HotfixEventType, HotfixStatus };

/** Statuses a pending hotfix may move to, once. */
export const TERMINAL_STATUSES: readonly HotfixStatus[] = [
  'backported',
  'reverted',
  'abandoned',
];

export type HotfixEventRecord = {
  type: HotfixEventType;
  /** The status after this event; absent when it did not change the status. */
  status?: HotfixStatus;
  /** User entity ref of whoever caused the event; absent for the system. */
  actor?: string;
  at: Date;
  detail?: Record<string, unknown>;
};

export type HotfixRecord = {
  /** Public id, `HF-<n>`. */
  id: string;
  /** Entity ref, lower-cased as the catalog compares refs. */
  entityRef: string;
  title: string;
  description?: string;
  incidentUrl?: string;
  /** User entity ref of the caller who recorded it. */
  appliedBy: string;
  appliedAt: Date;
  recordedAt: Date;
  changes: HotfixChange[];
  status: HotfixStatus;
  acknowledgedBy?: string;
  acknowledgedAt?: Date;
  /** appliedAt + the back-port SLA. */
  backportDueAt: Date;
  /** Still pending-backport after backportDueAt. Computed when read. */
  overdue: boolean;
};

export type HotfixRecordWithEvents = HotfixRecord & {
  /** Oldest first. */
  events: HotfixEventRecord[];
};

/** A hotfix as the REST API returns it. */
export type HotfixEvent = Omit<HotfixEventRecord, 'at'> & { at: string };

export type Hotfix = Omit<
  HotfixRecord,
  'appliedAt' | 'recordedAt' | 'backportDueAt' | 'acknowledgedAt'
> & {
  acknowledgedAt?: string;
  appliedAt: string;
  recordedAt: string;
  backportDueAt: string;
  /** Only on GET /hotfixes/{id} and the responses of writes. */
  events?: HotfixEvent[];
};

/** A hotfix with its events, oldest first, as JSON (what the lifecycle code reads). */
export type HotfixWithEvents = Hotfix & { events: HotfixEvent[] };

export type HotfixList = { items: Hotfix[]; totalItems: number };

/** Body of POST /hotfixes, after OpenAPI validation. */
export type NewHotfixRequest = {
  entityRef: string;
  title: string;
  description?: string;
  incidentUrl?: string;
  appliedAt?: string;
  changes: HotfixChange[];
};

export type HotfixListFilter = {
  entityRef?: string;
  status?: HotfixStatus;
  overdue?: boolean;
  /** Reverted hotfixes whose alarm someone acknowledged (true) or not (false). */
  acknowledged?: boolean;
  /** Lower-cased refs of the entities to keep (an owner's); absent: all. */
  entityKeys?: ReadonlySet<string>;
  offset?: number;
  limit?: number;
};

/** Events the lifecycle code (drift / Git watchers) may append. */
export type LifecycleEvent = {
  type: 'baseline' | 'drift-observed' | 'backported' | 'reverted';
  detail?: Record<string, unknown>;
  /** When it happened (Date or ISO string); default now. */
  at?: Date | string;
  /** Defaults to none: the system observed it. */
  actor?: string;
};

/** Told after a hotfix of an entity was recorded or changed state. */
export interface HotfixListener {
  hotfixChanged(entityRef: string): Promise<void>;
}

/** A stored hotfix with its current status; `seq` is the numeric id. */
export type StoredHotfix = {
  seq: number;
  entityRef: string;
  title: string;
  description?: string;
  incidentUrl?: string;
  appliedBy: string;
  appliedAt: Date;
  recordedAt: Date;
  changes: HotfixChange[];
  status: HotfixStatus;
  /** Who acknowledged a revert alarm, and when; only reverted hotfixes have it. */
  acknowledgedBy?: string;
  acknowledgedAt?: Date;
};
