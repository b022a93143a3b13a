import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import { EntityGitopsStatus } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/**
 * Reads what the Pragmatic GitOps backend knows about catalog entities.
 *
 * @public
 */
export interface PragmaticGitopsApi {
  /**
   * Track, drift status and findings of one entity. Rejects with a
   * `ResponseError` when the backend answers with an error, for example 404
   * for an entity the catalog does not know.
   */
  getEntityStatus(entityRef: CompoundEntityRef): Promise<EntityGitopsStatus>;
}

/** @public */
export const pragmaticGitopsApiRef = createApiRef<PragmaticGitopsApi>({
  id: 'plugin.pragmatic-gitops.service',
});
