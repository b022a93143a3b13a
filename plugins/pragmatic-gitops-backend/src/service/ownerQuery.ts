import { InputError } from '@backstage/errors';
import { normalizeOwnerRef } from '../scan/ownerOf';

/**
 * The `owner` query parameter as a normalised group ref
 * (`team-payments` → `group:default/team-payments`); a 400 naming the
 * parameter when it is not an entity ref.
 */
export function parseOwnerQuery(owner: string | undefined): string | undefined {
  if (owner === undefined) return undefined;
  try {
    return normalizeOwnerRef(owner);
  } catch (error) {
    throw new InputError(
      `owner ${JSON.stringify(owner)} is not an entity ref: ${
        (error as Error).message
      }`,
    );
  }
}
