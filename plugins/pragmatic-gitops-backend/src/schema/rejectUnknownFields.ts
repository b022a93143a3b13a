import { InputError } from '@backstage/errors';
import { spec } from './openapi/generated';

/** Request bodies whose unknown top-level fields are refused. */
export type StrictBody = 'Observation' | 'NewHotfix';

const KNOWN_FIELDS: Record<StrictBody, ReadonlySet<string>> = {
  Observation: new Set(
    Object.keys(spec.components.schemas.Observation.properties),
  ),
  NewHotfix: new Set(Object.keys(spec.components.schemas.NewHotfix.properties)),
};

/**
 * Rejects top-level fields the contract's schema does not declare, naming
 * them (a typo such as `object` for `objects` would otherwise be silently
 * ignored). The known fields are the OpenAPI schema's, so the spec is the
 * one list.
 */
export function rejectUnknownFields(
  document: object,
  schema: StrictBody,
  where?: string,
): void {
  const known = KNOWN_FIELDS[schema];
  const unknown = Object.keys(document).filter(key => !known.has(key));
  if (unknown.length > 0) {
    throw new InputError(
      `${where ? `${where}: ` : ''}unknown field(s) ${unknown.join(
        ', ',
      )}; expected ${[...known].join(', ')}`,
    );
  }
}

/** Body fields claiming who acted; identity is the caller's credentials. */
const IDENTITY_CLAIMS = ['appliedBy', 'recordedBy', 'actor'];

/**
 * The body without fields that claim an identity. They are ignored rather
 * than refused, as the contract has always said, so a client that echoes a
 * hotfix it read back still records one; what it claimed is never read.
 */
export function withoutIdentityClaims(body: object): object {
  return Object.fromEntries(
    Object.entries(body).filter(([key]) => !IDENTITY_CLAIMS.includes(key)),
  );
}
