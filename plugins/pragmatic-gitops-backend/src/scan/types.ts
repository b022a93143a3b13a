import { Entity } from '@backstage/catalog-model';
import {
  DriftStatus,
  Finding,
  Hotfix,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  DriftResult,
  LiveState,
  PendingChanges,
  ResourceDrift,
} from '../engine/types';
import { SecretRef } from '../secrets';

/** What is stored per entity beside its status (the `detail` JSON). */
export type StatusDetail = {
  /** `<gitSource> ↔ <liveSource>`, for clients that read one line. */
  source?: string;
  gitSource?: string;
  liveSource?: string;
  observedAt?: string;
  providerStatus?: Record<string, string>;
  /** Each resource with the live-state source it came from (none when missing). */
  resources?: Array<ResourceDrift & { source?: string }>;
  pending?: PendingChanges;
  findings: Finding[];
  secretRefs?: SecretRef[];
};

/** What the hotfix ledger makes of one computation. */
export type LedgerOutcome = {
  resources: ResourceDrift[];
  allExplained: boolean;
  /** The latest ledger event behind the result (recorded, back-ported, …). */
  latestEventAt?: Date;
  /**
   * The entity's open hotfixes as the result saw them, when this computation
   * moved none of them on (else absent: read them again).
   */
  openHotfixes?: Hotfix[];
};

/** What the hotfix ledger does with each computed drift (see ledger/HotfixLedgerReconciler). */
export interface LedgerReconciler {
  reconcile(input: {
    entity: Entity;
    entityRef: string;
    /** The engine's result, with the pairs it matched. */
    result: DriftResult;
    live: LiveState;
    /** When the live state was observed. */
    observedAt: Date;
    defaultNamespace?: string;
    revision?: string;
  }): Promise<LedgerOutcome>;
}

/** Told when a scan stored something new for an entity (e.g. to push a signal). */
export interface EntityStatusListener {
  statusUpdated(entityRef: string, status: DriftStatus): Promise<void>;
}

/**
 * A dependency of the scanner that can read what a page of entities needs
 * in one go (a fleet scan asks it before computing the page). The answer
 * serves that page only: it may answer from what it read then.
 */
export interface Prefetching<T> {
  prefetch(entityRefs: string[]): Promise<T>;
}

export function isPrefetching<T>(value: unknown): value is Prefetching<T> {
  return typeof (value as Partial<Prefetching<T>>)?.prefetch === 'function';
}
