import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

/** The entity an actor names, when it names one with its kind. */
function actorEntity(actor: string): CompoundEntityRef | undefined {
  if (!actor.includes(':')) {
    // "pragmatic-gitops", "argocd": a service or controller, not an entity.
    return undefined;
  }
  try {
    return parseEntityRef(actor, { defaultNamespace: 'default' });
  } catch {
    return undefined;
  }
}

/**
 * Who did something: a link to the user (or other) entity, or the text as
 * given when it is not an entity ref (a service, a controller).
 */
export function ActorLink(props: { actor: string }) {
  const entity = actorEntity(props.actor);
  if (!entity) {
    return <span>{props.actor}</span>;
  }
  return <EntityRefLink entityRef={entity} />;
}
