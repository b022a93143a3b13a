import { Track } from './track';

/** Drift status of one entity. @public */
export type DriftStatus =
  | 'in-sync'
  | 'drifted'
  | 'explained'
  | 'pending'
  | 'unknown'
  | 'not-tracked';

/** All drift statuses, in the order the UI lists them. @public */
export const DRIFT_STATUSES: readonly DriftStatus[] = [
  'in-sync',
  'drifted',
  'explained',
  'pending',
  'unknown',
  'not-tracked',
];

/** @public */
export type FindingSeverity = 'critical' | 'error' | 'warning' | 'info';

/**
 * Something about an entity worth a person's attention: a bad annotation, a
 * stateful resource in a declarative track, a secret committed to Git…
 *
 * @public
 */
export type Finding = {
  severity: FindingSeverity;
  code: string;
  message: string;
  location?: string;
};

/**
 * Who last wrote a live field, as the object's `metadata.managedFields`
 * records it: the field manager (`kubectl-edit`, `helm`, an operator…),
 * its operation (`Apply`, `Update`) and when. Never guessed.
 *
 * @public
 */
export type FieldChangedBy = {
  manager: string;
  operation?: string;
  /** ISO 8601, when the entry has a time. */
  time?: string;
};

/**
 * What the two sides of a difference are: Git against live (Kubernetes,
 * the default), what Terraform last applied against the real
 * infrastructure (a plan's `resource_drift`), or the current value against
 * the planned one (a plan's changes). For Terraform, `desired` holds the
 * first side (before) and `live` the second (after).
 *
 * @public
 */
export type DifferenceSides = 'git-live' | 'applied-real' | 'current-planned';

/**
 * One difference between Git and live, at an RFC 6901 pointer into the
 * desired object. Secret values never travel: `masked` is set instead.
 *
 * @public
 */
export type Difference = {
  path: string;
  desired?: unknown;
  live?: unknown;
  masked?: boolean;
  removedFromGit?: 'last-applied-configuration' | 'managed-fields';
  /** Set only when the live object records who owns the field. */
  changedBy?: FieldChangedBy;
  /** Terraform plan: the planned value is computed during the apply. */
  knownAfterApply?: boolean;
};

/** A difference that exists but does not count, and why. @public */
export type IgnoredDifference = { path: string; reason: string; rule?: string };

/** @public */
export type ResourceDriftStatus = 'in-sync' | 'drifted' | 'missing' | 'extra';

/** Drift of one resource (a Kubernetes object, or a Terraform resource). @public */
export type ResourceDrift = {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  status: ResourceDriftStatus;
  /** Live-state source the resource was observed through, e.g. `argocd:prod`, `push:ci`. */
  source?: string;
  /** What the differences compare; `git-live` when absent. */
  sides?: DifferenceSides;
  differences: Difference[];
  ignored: IgnoredDifference[];
};

/**
 * One resource change of a Terraform plan. `changes` compare the current
 * value (`desired`) with the planned one (`live`); sensitive values are
 * masked.
 *
 * @public
 */
export type TerraformPendingChange = {
  address: string;
  type: string;
  actions: string[];
  changes?: Difference[];
};

/** Imperative-track work waiting to be applied. @public */
export type PendingChanges = {
  terraform?: TerraformPendingChange[];
  /** Where the Terraform plan came from: its source and, when pushed with one, the pipeline run. */
  terraformPlanSource?: { source: string; runUrl?: string };
  migrations?: { notApplied: string[] };
};

/** Drift of one entity. Dates are ISO 8601 strings. @public */
export type EntityDrift = {
  status: DriftStatus;
  reason?: string;
  /** When the status last changed: when the change happened, not when it was computed. */
  since?: string;
  /**
   * When the product began tracking the entity (its first status). A
   * `since` at or before it means the status may be older still.
   */
  trackedSince?: string;
  checkedAt?: string;
  /** Both sources in one line, `<git> ↔ <live>`; see `gitSource` and `liveSource`. */
  source?: string;
  /** Where the desired state was read: a `url:`/`dir:` location, or `provider`. */
  gitSource?: string;
  /** Which provider gave the live state, e.g. `argocd:prod/payments`. */
  liveSource?: string;
  /** When the live state was observed: how fresh it is. */
  observedAt?: string;
  providerStatus?: Record<string, string>;
  resources?: ResourceDrift[];
  pending?: PendingChanges;
};

/** Response of `GET /entities/{kind}/{namespace}/{name}`. @public */
export type EntityGitopsStatus = {
  entityRef: string;
  track: Track | null;
  drift: EntityDrift;
  findings: Finding[];
};

/** One status change of an entity. @public */
export type StatusTransition = {
  from: DriftStatus | null;
  to: DriftStatus;
  reason?: string;
  at: string;
};

/** One row of the fleet overview. @public */
export type OverviewItem = {
  entityRef: string;
  title?: string;
  owner?: string;
  track: Track | null;
  status: DriftStatus;
  reason?: string;
  since: string;
  /** See `EntityDrift.trackedSince`. */
  trackedSince?: string;
};

/** Orders of the fleet overview; `status` puts the most severe first. @public */
export type OverviewSort = 'status' | 'since' | 'name' | 'owner';

/** Findings the fleet overview counts and filters by. @public */
export const OVERVIEW_FINDINGS = [
  'plaintext-secret-in-git',
  'encrypted-secret-in-git',
  'unresolved-secret-ref',
  'stateful-in-declarative',
] as const;

/** @public */
export type OverviewFinding = (typeof OVERVIEW_FINDINGS)[number];

/** Response of `GET /overview`. @public */
export type Overview = {
  totals: {
    byTrack: Record<string, number>;
    byStatus: Record<string, number>;
  };
  items: OverviewItem[];
  totalItems: number;
};

/**
 * Track and drift status of one entity without the detail: what a catalog
 * table row shows. `since` is missing for entities never scanned.
 *
 * @public
 */
export type EntityStatusSummary = Pick<
  OverviewItem,
  'entityRef' | 'track' | 'status' | 'reason'
> &
  Partial<Pick<OverviewItem, 'since'>>;

/**
 * Response of `POST /entities/by-refs`: one item per requested ref, in
 * request order; `null` for an entity the caller may not read or the
 * catalog does not know.
 *
 * @public
 */
export type EntityStatusesByRefs = {
  items: Array<EntityStatusSummary | null>;
};
