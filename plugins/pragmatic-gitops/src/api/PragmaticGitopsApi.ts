import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  DriftStatus,
  EntityGitopsStatus,
  Overview,
  StatusTransition,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

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
  track?: Track;
  status?: DriftStatus;
  owner?: string;
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
  /** Track, drift status and findings of one entity. */
  getEntityStatus(entityRef: CompoundEntityRef): Promise<EntityGitopsStatus>;

  /** Status changes of one entity, oldest first. */
  getEntityHistory(entityRef: CompoundEntityRef): Promise<EntityHistory>;

  /**
   * Recomputes the entity's drift now and returns the new status. Rejects
   * with status 403 when the user lacks `pragmatic-gitops.entity.refresh`.
   */
  refreshEntity(entityRef: CompoundEntityRef): Promise<EntityGitopsStatus>;

  /** Fleet totals by track and status, and one page of entities. */
  getOverview(query?: OverviewQuery): Promise<Overview>;
}

/** @public */
export const pragmaticGitopsApiRef = createApiRef<PragmaticGitopsApi>({
  id: 'plugin.pragmatic-gitops.service',
});
