/**
 * Normalisation before comparison: server-set metadata, `status` and the
 * identity fields (compared by matching, not as fields) are dropped. Only the
 * top level and `metadata` are copied; nothing is deep-cloned.
 */
import { KubeObject } from './types';
import { LAST_APPLIED_ANNOTATION } from './threeWay';
import { isPlainObject, JsonObject } from './values';

/** Metadata the API server sets; never declared in Git. */
export const SERVER_SET_METADATA: readonly string[] = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
];

/** Identity fields: they decide which objects match, they are not compared. */
const IDENTITY_METADATA: readonly string[] = ['name', 'namespace'];

const DROPPED_TOP_LEVEL = new Set(['apiVersion', 'kind', 'status', 'metadata']);

/**
 * The part of an object that is compared field by field: everything except
 * apiVersion, kind, status, identity and server-set metadata, and the
 * last-applied annotation.
 */
export function comparableObject(object: KubeObject): JsonObject {
  const result: JsonObject = {};
  for (const key of Object.keys(object)) {
    if (key === 'metadata') {
      if (isPlainObject(object.metadata)) {
        result.metadata = comparableMetadata(object.metadata);
      }
    } else if (!DROPPED_TOP_LEVEL.has(key)) {
      result[key] = object[key];
    }
  }
  return result;
}

function comparableMetadata(source: JsonObject): JsonObject {
  const metadata: JsonObject = {};
  for (const key of Object.keys(source)) {
    if (
      !SERVER_SET_METADATA.includes(key) &&
      !IDENTITY_METADATA.includes(key)
    ) {
      metadata[key] = source[key];
    }
  }
  const annotations = metadata.annotations;
  if (isPlainObject(annotations) && LAST_APPLIED_ANNOTATION in annotations) {
    const copy = { ...annotations };
    delete copy[LAST_APPLIED_ANNOTATION];
    metadata.annotations = copy;
  }
  return metadata;
}

function isKubeObject(value: unknown): value is KubeObject {
  return (
    isPlainObject(value) &&
    typeof value.kind === 'string' &&
    value.kind !== '' &&
    typeof value.apiVersion === 'string' &&
    isPlainObject(value.metadata) &&
    typeof value.metadata.name === 'string' &&
    value.metadata.name !== ''
  );
}

/**
 * Keeps well-formed objects and expands `kind: List` (and `*List`) wrappers
 * into their items. Malformed entries are skipped, never thrown on.
 */
export function validObjects(objects: unknown): KubeObject[] {
  const result: KubeObject[] = [];
  const visit = (value: unknown, depth: number) => {
    if (!isPlainObject(value)) {
      return;
    }
    if (
      typeof value.kind === 'string' &&
      value.kind.endsWith('List') &&
      Array.isArray(value.items) &&
      depth < 4
    ) {
      for (const item of value.items) {
        visit(item, depth + 1);
      }
      return;
    }
    if (isKubeObject(value)) {
      result.push(value);
    }
  };
  if (Array.isArray(objects)) {
    for (const object of objects) {
      visit(object, 0);
    }
  }
  return result;
}

/** The API group of an apiVersion: `apps` for `apps/v1`, `''` for `v1`. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function namespaceOf(object: KubeObject): string | undefined {
  const namespace = object.metadata.namespace;
  return typeof namespace === 'string' && namespace !== ''
    ? namespace
    : undefined;
}

export function hasOwnerReferences(object: KubeObject): boolean {
  const refs = object.metadata.ownerReferences;
  return Array.isArray(refs) && refs.length > 0;
}
