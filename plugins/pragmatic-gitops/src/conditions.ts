import { Entity } from '@backstage/catalog-model';
import { hasPragmaticGitopsAnnotations } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/**
 * True when the entity carries any `pragmatic-gitops.io/*` annotation, so its
 * page should show the Pragmatic GitOps cards. Entities with a bad or partial
 * set of annotations are included on purpose: the cards explain what to fix.
 *
 * @public
 */
export function isPragmaticGitopsAvailable(entity: Entity): boolean {
  return hasPragmaticGitopsAnnotations(entity.metadata.annotations);
}
