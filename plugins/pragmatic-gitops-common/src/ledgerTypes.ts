/**
 * Types of the hotfix ledger and secret references, as the pragmatic-gitops
 * backend sends them. Additions to earlier responses are optional, so a
 * client still works against an older backend.
 */
import {
  Difference,
  EntityDrift,
  EntityGitopsStatus,
  Overview,
  ResourceDrift,
} from './types';

/** Where a hotfix stands in the ledger. @public */
export type HotfixStatus =
  | 'pending-backport'
  | 'backported'
  | 'reverted'
  | 'abandoned';

/** Every hotfix status, open one first. @public */
export const HOTFIX_STATUSES: readonly HotfixStatus[] = [
  'pending-backport',
  'backported',
  'reverted',
  'abandoned',
];

/**
 * One resource a hotfix changed by hand, and the JSON pointers of the fields
 * it touched; no `paths` means the whole resource.
 *
 * @public
 */
export type HotfixChange = {
  kind: string;
  namespace?: string;
  name: string;
  paths?: string[];
};

/** @public */
export type HotfixEventType =
  | 'recorded'
  /** Live and Git at the touched fields, noted by the first computation after recording. */
  | 'baseline'
  | 'drift-observed'
  | 'backported'
  | 'reverted'
  | 'abandoned'
  | 'overdue-notified'
  /** Someone saw the revert alarm and took it on; the status stays reverted. */
  | 'acknowledged';

/** One entry of a hotfix's append-only history. @public */
export type HotfixEvent = {
  type: HotfixEventType;
  status?: HotfixStatus;
  /** Entity ref of the user (or service) behind the event, if any. */
  actor?: string;
  /** When it happened (for observed events: when the live state showing it was observed). */
  at: string;
  detail?: {
    /** Commit or pull request that back-ported the hotfix. */
    url?: string;
    revision?: string;
    /** How the event was detected: `commit-trailer`, `git-match` or `live-reverted`. */
    via?: string;
    reason?: string;
  };
};

/**
 * An imperative change made outside Git, recorded in the ledger. Dates are
 * ISO 8601 strings.
 *
 * @public
 */
export type Hotfix = {
  /** `HF-<n>`. */
  id: string;
  entityRef: string;
  title: string;
  description?: string;
  incidentUrl?: string;
  /** Entity ref of the user who recorded it, from their credentials. */
  appliedBy: string;
  appliedAt: string;
  recordedAt: string;
  changes: HotfixChange[];
  status: HotfixStatus;
  /** True once the back-port is later than the SLA allows. */
  overdue: boolean;
  backportDueAt: string;
  /** Sent by `GET /hotfixes/{id}`; lists may leave it out. */
  events?: HotfixEvent[];
  /** Who acknowledged the revert alarm of a reverted hotfix, and when. */
  acknowledgedBy?: string;
  acknowledgedAt?: string;
};

/**
 * Body of `POST /hotfixes`. There is deliberately no field for who applied
 * it: the backend takes that from the caller's credentials.
 *
 * @public
 */
export type RecordHotfixInput = {
  entityRef: string;
  title: string;
  description?: string;
  incidentUrl?: string;
  appliedAt?: string;
  changes: HotfixChange[];
};

/** @public */
export type RecordHotfixOptions = {
  /**
   * Sent as the `Idempotency-Key` header: a retry with the same key returns
   * the hotfix the first attempt recorded instead of recording another.
   */
  idempotencyKey?: string;
};

/** Filters of `GET /hotfixes`. @public */
export type HotfixQuery = {
  entityRef?: string;
  status?: HotfixStatus;
  overdue?: boolean;
  /** Reverted hotfixes whose alarm was (true) or was not (false) acknowledged. */
  acknowledged?: boolean;
  /** Hotfixes of this owner's entities: `team-payments` or `group:default/team-payments`. */
  owner?: string;
  offset?: number;
  /** At most 500. */
  limit?: number;
};

/** Response of `GET /hotfixes`. @public */
export type HotfixList = {
  items: Hotfix[];
  totalItems: number;
};

/** What the secret store's metadata says about a reference. @public */
export type SecretRefResolution = {
  status: 'exists' | 'missing' | 'unchecked' | 'error';
  version?: string | number;
  updatedAt?: string;
  reason?: string;
};

/** A workload (and container) that uses a secret reference. @public */
export type SecretRefUsage = {
  kind: string;
  name: string;
  container?: string;
};

/**
 * A reference to a secret in a secret manager — never its value.
 *
 * @public
 */
export type SecretRef = {
  store: { kind: string; name?: string };
  key: string;
  property?: string;
  version?: string | number;
  /** What declares the reference: `ExternalSecret`, an annotation, … */
  via: string;
  /** The object in Git that declares or produces it, e.g. `Secret/db`. */
  declaredBy?: { kind: string; name: string };
  usedBy: SecretRefUsage[];
  resolution: SecretRefResolution;
};

/** A difference, and the hotfix that explains it, if any. @public */
export type ExplainedDifference = Difference & { explainedBy?: string };

/** A resource's drift, and the hotfix that explains it, if any. @public */
export type ExplainedResourceDrift = ResourceDrift & {
  explainedBy?: string;
  differences: ExplainedDifference[];
};

/** @public */
export type ExplainedEntityDrift = EntityDrift & {
  resources?: ExplainedResourceDrift[];
};

/**
 * Response of `GET /entities/{kind}/{namespace}/{name}`, with the entity's
 * open hotfixes and its secret references.
 *
 * @public
 */
export type EntityGitopsDetails = EntityGitopsStatus & {
  drift: ExplainedEntityDrift;
  hotfixes?: Hotfix[];
  secretRefs?: SecretRef[];
};

/**
 * Hotfixes owed to Git across the fleet, and reverted ones whose alarm
 * nobody has acknowledged (absent from older backends). @public
 */
export type HotfixTotals = {
  pending: number;
  overdue: number;
  reverted?: number;
};

/** Secret and stateful findings across the fleet; each may be absent. @public */
export type FindingTotals = {
  plaintextSecrets?: number;
  encryptedSecrets?: number;
  unresolvedSecretRefs?: number;
  statefulInDeclarative?: number;
};

/** Response of `GET /overview`, with hotfix and finding counts. @public */
export type FleetOverview = Overview & {
  totals: Overview['totals'] & {
    hotfixes?: HotfixTotals;
    findings?: FindingTotals;
  };
};
