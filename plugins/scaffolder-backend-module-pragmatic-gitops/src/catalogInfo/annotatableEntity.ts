/**
 * Kinds that are deployed and so carry a deployment track. Other kinds in the
 * same file (API, Location, Group, …) are left untouched.
 */
export const ANNOTATABLE_KINDS: readonly string[] = [
  'Component',
  'Resource',
  'System',
];

const KINDS = new Set(ANNOTATABLE_KINDS.map(kind => kind.toLowerCase()));

/** The part of a parsed YAML document that identifies a catalog entity. */
export type EntityHead = {
  apiVersion: string;
  kind: string;
  metadata: { name?: unknown; namespace?: unknown };
};

/**
 * True for a document that is a Backstage entity of an annotatable kind:
 * `apiVersion: backstage.io/*`, one of {@link ANNOTATABLE_KINDS}
 * (case-insensitive) and a `metadata` map.
 */
export function isAnnotatableEntity(value: unknown): value is EntityHead {
  if (!isObject(value)) {
    return false;
  }
  const { apiVersion, kind, metadata } = value;
  return (
    typeof apiVersion === 'string' &&
    apiVersion.startsWith('backstage.io/') &&
    typeof kind === 'string' &&
    KINDS.has(kind.toLowerCase()) &&
    isObject(metadata)
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
