import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reads go through the catalog with the caller's credentials, so the
 * catalog's own `catalog.entity.read` decides who sees an entity's status.
 * These permissions guard the writes, each on the catalog entity it touches,
 * so a policy can allow owners or on-call groups only.
 */

/** Ask for an entity's drift to be recomputed now. @public */
export const pragmaticGitopsRefreshPermission = createPermission({
  name: 'pragmatic-gitops.entity.refresh',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Record a hotfix applied by hand against an entity. @public */
export const pragmaticGitopsHotfixCreatePermission = createPermission({
  name: 'pragmatic-gitops.hotfix.create',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Mark a hotfix back-ported or abandoned by hand. @public */
export const pragmaticGitopsHotfixUpdatePermission = createPermission({
  name: 'pragmatic-gitops.hotfix.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Push observed live state for an entity (agents, CI). Service callers are
 * decided by their access restrictions, users by the policy. @public
 */
export const pragmaticGitopsObservationCreatePermission = createPermission({
  name: 'pragmatic-gitops.observation.create',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Every permission of the suite, for policy authors and the permission integration. @public */
export const pragmaticGitopsPermissions = [
  pragmaticGitopsRefreshPermission,
  pragmaticGitopsHotfixCreatePermission,
  pragmaticGitopsHotfixUpdatePermission,
  pragmaticGitopsObservationCreatePermission,
];
