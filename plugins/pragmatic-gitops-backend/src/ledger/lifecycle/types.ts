/**
 * The shapes the hotfix lifecycle works on. They are structural subsets of
 * the ledger's records, so the ledger's own types are assignable to them.
 */

/** One resource (and optionally fields) a hotfix changed. */
export type HotfixChange = {
  /** Kubernetes kind, or the Terraform resource type. */
  kind: string;
  namespace?: string;
  /** Kubernetes name, or the Terraform resource address. */
  name: string;
  /** RFC 6901 pointers; none means the whole resource. */
  paths?: string[];
};

export type HotfixEvent = {
  type: string;
  at?: string;
  detail?: unknown;
};

/** What the lifecycle needs of a hotfix. */
export type LifecycleHotfix = {
  id: string;
  status: string;
  changes: HotfixChange[];
  events: HotfixEvent[];
};

/** The state of one hotfix change in one computation: digests, never values. */
export type TouchedState = {
  /** The object (or Terraform resource) exists in live state. */
  found: boolean;
  /** The engine reports no counting difference for the touched fields. */
  inSync: boolean;
  liveDigest: string;
  desiredDigest: string;
};

/** Digests of the touched fields, aligned with `changes`. */
export type TouchedDigests = {
  liveDigests: string[];
  desiredDigests: string[];
};

/**
 * Detail of a `baseline` event: live and Git at the touched fields in the
 * first computation after the hotfix was recorded that had live state.
 */
export type BaselineDetail = TouchedDigests;

/** Detail of a `drift-observed` event: the first computation where a touched field drifted. */
export type DriftObservedDetail = TouchedDigests;

export type BackportedDetail =
  | { via: 'git-match'; revision?: string }
  | {
      via: 'commit-trailer';
      sha: string;
      url: string;
      subject: string;
    };

export type RevertedDetail = { via: 'live-reverted' };

/** An event the lifecycle asks the ledger to append. */
export type LifecycleEvent =
  | { type: 'baseline'; at: string; detail: BaselineDetail }
  | { type: 'drift-observed'; at: string; detail: DriftObservedDetail }
  | { type: 'backported'; at: string; detail: BackportedDetail }
  | { type: 'reverted'; at: string; detail: RevertedDetail };

export const PENDING_BACKPORT = 'pending-backport';
