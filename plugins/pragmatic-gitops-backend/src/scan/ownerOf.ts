import {
  Entity,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** The owner as a full entity ref, as the overview filters by it. */
export function ownerOf(entity: Entity): string | undefined {
  const related = entity.relations?.find(
    r => r.type === RELATION_OWNED_BY,
  )?.targetRef;
  if (related) {
    return related.toLocaleLowerCase('en-US');
  }
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.length === 0) {
    return undefined;
  }
  try {
    return normalizeOwnerRef(owner, entity.metadata.namespace ?? 'default');
  } catch {
    return undefined;
  }
}

/** `team-payments` → `group:default/team-payments`, lower-cased as the catalog compares refs. */
export function normalizeOwnerRef(
  owner: string,
  defaultNamespace = 'default',
): string {
  return stringifyEntityRef(
    parseEntityRef(owner, { defaultKind: 'group', defaultNamespace }),
  ).toLocaleLowerCase('en-US');
}

/** An owner filter from a caller; a 400 naming the field when it is no ref. */
export function requireOwnerRef(owner: string, field = 'owner'): string {
  try {
    return normalizeOwnerRef(owner);
  } catch (error) {
    throw new InputError(
      `${field} ${JSON.stringify(owner)} is not an entity ref: ${
        (error as Error).message
      }`,
    );
  }
}
