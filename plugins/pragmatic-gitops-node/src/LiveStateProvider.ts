import { Entity } from '@backstage/catalog-model';
import { Finding } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { KubeObject, LiveState } from './liveState';

/**
 * The provider's own view of the entity (Argo CD sync status, Flux
 * readiness), shown beside the computed drift as `drift.providerStatus`.
 * `revision` feeds the hotfix ledger's back-port detection.
 *
 * @public
 */
export type ProviderStatus = {
  sync?: string;
  health?: string;
  /** Revision the controller last applied (Git SHA, `main@sha1:…`). */
  revision?: string;
  operation?: string;
  /** Readiness message, when the provider gives one. */
  message?: string;
  /** `'true'` when the controller is suspended (hotfixes applied by hand stay). */
  suspended?: string;
};

/** Live state a provider observed. @public */
export type LiveObservation = LiveState & {
  /** Where it came from, e.g. `push:ci-agent`, `argocd:prod`, `kubernetes:prod-eu`. */
  source: string;
  observedAt: Date;
  /** The pipeline run that observed it (http or https), shown as the plan's source. */
  runUrl?: string;
  /** Desired objects as the provider rendered them (Argo CD targetState); used when the entity has no source location. */
  desiredObjects?: KubeObject[];
  providerStatus?: ProviderStatus;
};

/**
 * What a provider says about an entity: what it observed, that it cannot
 * tell (with a reason a person can act on), or nothing (`none`: the entity
 * is not one this provider knows).
 *
 * @public
 */
export type LiveStateResult =
  | ({ type: 'observed' } & LiveObservation)
  | { type: 'unknown'; reason: string; findings?: Finding[] }
  | { type: 'none' };

/** What the scanner knows of the entity when it asks for live state. @public */
export type LiveStateContext = {
  /** Desired objects read from Git (secret values already redacted); empty when Git declares none. */
  desired: KubeObject[];
  /** `backstage.io/kubernetes-namespace`: namespace of desired objects that name none. */
  defaultNamespace?: string;
};

/**
 * A source of live state. Every provider is asked about every tracked
 * entity; the observations of all of them are merged (for the same object,
 * the newest observation wins). Never throw for a provider that is down:
 * answer `unknown` with a reason naming it.
 *
 * @public
 */
export interface LiveStateProvider {
  /** Shown in logs and start-up messages, e.g. `argocd`, `kubernetes`. */
  readonly name: string;
  /**
   * A provider that holds several independent sources (agents pushing
   * observations) answers one result per source, so each keeps its own
   * observation time in the merge.
   */
  getLiveState(
    entity: Entity,
    entityRef: string,
    context: LiveStateContext,
  ): Promise<LiveStateResult | LiveStateResult[]>;
  /**
   * Called once when a scan of the whole fleet starts, before any entity is
   * asked: the place to drop per-scan caches (API discovery, listings).
   */
  startScan?(): void | Promise<void>;
}
