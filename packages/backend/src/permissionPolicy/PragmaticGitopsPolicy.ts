import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  pragmaticGitopsHotfixCreatePermission,
  pragmaticGitopsHotfixUpdatePermission,
  pragmaticGitopsObservationCreatePermission,
  pragmaticGitopsRefreshPermission,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** The writes owners (and the platform team) may make on their own entities. */
const OWNER_WRITES = [
  pragmaticGitopsHotfixCreatePermission,
  pragmaticGitopsHotfixUpdatePermission,
  pragmaticGitopsRefreshPermission,
];

/**
 * An example production policy for Pragmatic GitOps:
 *
 * - recording hotfixes, closing them and refreshing an entity: its owners
 *   (the catalog decides ownership: the user or one of their groups owns
 *   it), and members of the platform groups for every entity;
 * - pushing observations: never a user. Agents and CI push with service
 *   credentials, which the permission framework decides by the access
 *   restrictions of their token (`backend.auth.externalAccess`), not here;
 * - everything else is allowed: reading the catalog included. Replace that
 *   branch with your organisation's rules.
 */
export class PragmaticGitopsPolicy implements PermissionPolicy {
  constructor(private readonly platformGroups: readonly string[]) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (isPermission(permission, pragmaticGitopsObservationCreatePermission)) {
      return { result: AuthorizeResult.DENY };
    }
    if (OWNER_WRITES.some(write => isPermission(permission, write))) {
      const claims = user?.info.ownershipEntityRefs ?? [];
      if (claims.some(ref => this.platformGroups.includes(ref))) {
        return { result: AuthorizeResult.ALLOW };
      }
      if (isResourcePermission(permission, 'catalog-entity')) {
        return createCatalogConditionalDecision(
          permission,
          catalogConditions.isEntityOwner({ claims }),
        );
      }
      return { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
