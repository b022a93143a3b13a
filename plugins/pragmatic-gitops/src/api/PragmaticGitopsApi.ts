import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  DriftStatus,
  HotfixExportFormat,
  HotfixMetrics,
  EntityStatusesByRefs,
  OverviewFinding,
  OverviewSort,
  StatusTransition,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  EntityGitopsDetails,
  FleetOverview,
  Hotfix,
  HotfixBackport,
  HotfixList,
  HotfixQuery,
  RecordHotfixInput,
  RecordHotfixOptions,
} from './types';

/**
 * Response of `GET /entities/{kind}/{namespace}/{name}/history`.
 *
 * @public
 */
export type EntityHistory = {
  entityRef: string;
  /** Status changes, oldest first. */
  transitions: StatusTransition[];
};

/**
 * Filters and page of `GET /overview`. Every field is optional; `owner`
 * accepts `team-payments` or `group:default/team-payments`.
 *
 * @public
 */
export type OverviewQuery = {
  /** `invalid`: entities whose track annotation is not a track. */
  track?: Track | 'invalid';
  status?: DriftStatus;
  owner?: string;
  /** Words in the ref, title, owner or reason. */
  q?: string;
  finding?: OverviewFinding;
  /** `hand`: entities with a difference made by a non-GitOps field manager. */
  changedBy?: 'hand';
  /** Entities with a pending, overdue, or unacknowledged reverted hotfix. */
  hotfixes?: 'pending' | 'overdue' | 'reverted';
  /** `status` (most severe first; the default), `since`, `name`, `owner`. */
  sort?: OverviewSort;
  order?: 'asc' | 'desc';
  offset?: number;
  /** At most 500. */
  limit?: number;
};

/**
 * Reads what the Pragmatic GitOps backend knows about catalog entities.
 *
 * Every method rejects with a `ResponseError` when the backend answers with
 * an error, for example 404 for an entity the catalog does not know.
 *
 * @public
 */
export interface PragmaticGitopsApi {
  /**
   * Track, drift status, findings, open hotfixes and secret references of
   * one entity.
   */
  getEntityStatus(entityRef: CompoundEntityRef): Promise<EntityGitopsDetails>;

  /**
   * Track and drift status of many entities in one request (at most 500),
   * e.g. a page of the catalog table: one item per ref in request order,
   * `null` for an entity the user may not read or the catalog does not know.
   */
  getEntityStatusesByRefs(entityRefs: string[]): Promise<EntityStatusesByRefs>;

  /** Status changes of one entity, oldest first. */
  getEntityHistory(entityRef: CompoundEntityRef): Promise<EntityHistory>;

  /**
   * Recomputes the entity's drift now and returns the new status. Rejects
   * with status 403 when the user lacks `pragmatic-gitops.entity.refresh`.
   */
  refreshEntity(entityRef: CompoundEntityRef): Promise<EntityGitopsDetails>;

  /**
   * Fleet totals by track and status (and, from newer backends, hotfix and
   * finding counts), and one page of entities.
   */
  getOverview(query?: OverviewQuery): Promise<FleetOverview>;

  /**
   * Records a hotfix applied by hand. Who applied it comes from the
   * caller's credentials, never from the input. Give the same
   * `idempotencyKey` to every retry of one submission so it is recorded
   * once. Rejects with 400 naming the bad field, and 403 without
   * `pragmatic-gitops.hotfix.create`.
   */
  recordHotfix(
    input: RecordHotfixInput,
    options?: RecordHotfixOptions,
  ): Promise<Hotfix>;

  /** Hotfixes matching every filter given (all of them without one). */
  listHotfixes(query?: HotfixQuery): Promise<HotfixList>;

  /** One hotfix with its events. */
  getHotfix(id: string): Promise<Hotfix>;

  /**
   * Marks a pending hotfix back-ported by the commit or pull request at
   * `url`. Rejects with 403 without `pragmatic-gitops.hotfix.update` and 409
   * when the hotfix is no longer pending.
   */
  backportHotfix(id: string, url: string): Promise<Hotfix>;

  /**
   * Generates the back-port of a pending hotfix: the live value of every
   * field it touched written into the manifest that declares it, as a pull
   * request (`url:` sources on GitHub or GitLab; an open one is returned
   * again) or a unified diff to copy (`dir:` sources), with the fields left
   * to the user and why. Rejects like `backportHotfix`, and with the SCM's
   * error naming the repository.
   */
  generateBackport(id: string): Promise<HotfixBackport>;

  /** Abandons a pending hotfix, giving why. Rejects like `backportHotfix`. */
  abandonHotfix(id: string, reason: string): Promise<Hotfix>;

  /**
   * Acknowledges the alarm of a reverted hotfix (audited), optionally saying
   * what was done about it. Rejects with 409 unless the hotfix is reverted.
   */
  acknowledgeHotfix(id: string, note?: string): Promise<Hotfix>;

  /**
   * Ledger metrics of the last 30 days (back-port lead time p50/p90,
   * reverts, hotfixes per owner), of the entities the user may read.
   */
  getHotfixMetrics(query?: { owner?: string }): Promise<HotfixMetrics>;

  /**
   * Every hotfix applied in `[from, to)` with its events, as a CSV or JSON
   * file for auditors (`GET /hotfixes/export`).
   */
  exportHotfixes(query: HotfixExportQuery): Promise<Blob>;
}

/**
 * Range, owner and format of `GET /hotfixes/export`; dates are ISO 8601.
 *
 * @public
 */
export type HotfixExportQuery = {
  from?: string;
  to?: string;
  format: HotfixExportFormat;
  /** Only hotfixes of this owner's entities, as the fleet page filters them. */
  owner?: string;
};

/** @public */
export const pragmaticGitopsApiRef = createApiRef<PragmaticGitopsApi>({
  id: 'plugin.pragmatic-gitops.service',
});
