/**
 * How items of a list are matched between desired and live: by a key
 * (the strategic-merge / server-side-apply merge keys of Kubernetes) or,
 * when no key applies, by position.
 */
import { isPlainObject, JsonObject } from './values';

/** Identity of one list item; `undefined` when the item has no key. */
export type ListKeyFn = (item: unknown) => string | undefined;

function stringField(item: unknown, field: string): string | undefined {
  if (!isPlainObject(item)) {
    return undefined;
  }
  const value = item[field];
  if (typeof value === 'string' && value !== '') {
    return value;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  return undefined;
}

const byName: ListKeyFn = item => stringField(item, 'name');
const byMountPath: ListKeyFn = item => stringField(item, 'mountPath');
const byDevicePath: ListKeyFn = item => stringField(item, 'devicePath');
const byIp: ListKeyFn = item => stringField(item, 'ip');

function protocolOf(item: JsonObject): string {
  return typeof item.protocol === 'string' && item.protocol !== ''
    ? item.protocol
    : 'TCP';
}

const byContainerPort: ListKeyFn = item => {
  const port = stringField(item, 'containerPort');
  return port === undefined
    ? undefined
    : `${port}/${protocolOf(item as JsonObject)}`;
};

const byServicePort: ListKeyFn = item => {
  const port = stringField(item, 'port');
  return port === undefined
    ? undefined
    : `${port}/${protocolOf(item as JsonObject)}`;
};

const byEnvFromSource: ListKeyFn = item => {
  if (!isPlainObject(item)) {
    return undefined;
  }
  const prefix = typeof item.prefix === 'string' ? item.prefix : '';
  const configMap = stringField(item.configMapRef, 'name');
  if (configMap !== undefined) {
    return `configMap:${configMap}|${prefix}`;
  }
  const secret = stringField(item.secretRef, 'name');
  if (secret !== undefined) {
    return `secret:${secret}|${prefix}`;
  }
  return undefined;
};

/** Lists keyed by `name` in the Kubernetes API whatever their content. */
const NAME_KEYED = new Set([
  'containers',
  'initContainers',
  'ephemeralContainers',
  'env',
  'volumes',
  'imagePullSecrets',
  'secrets',
  'resourceClaims',
  'readinessGates',
]);

function allHave(items: unknown[], key: ListKeyFn): boolean {
  for (const item of items) {
    if (key(item) === undefined) {
      return false;
    }
  }
  return true;
}

function allHaveField(items: unknown[], field: string): boolean {
  for (const item of items) {
    if (!isPlainObject(item) || item[field] === undefined) {
      return false;
    }
  }
  return true;
}

function uniqueKeys(items: unknown[], key: ListKeyFn): boolean {
  const seen = new Set<string>();
  for (const item of items) {
    const value = key(item);
    if (value !== undefined) {
      if (seen.has(value)) {
        return false;
      }
      seen.add(value);
    }
  }
  return true;
}

function candidate(
  field: string,
  desired: unknown[],
  live: unknown[],
): ListKeyFn | undefined {
  if (field === 'volumeMounts') {
    return byMountPath;
  }
  if (field === 'volumeDevices') {
    return byDevicePath;
  }
  if (field === 'envFrom') {
    return byEnvFromSource;
  }
  if (field === 'hostAliases') {
    return byIp;
  }
  if (NAME_KEYED.has(field)) {
    return byName;
  }
  const everyNamed = allHave(desired, byName) && allHave(live, byName);
  if (desired.length > 0 && allHaveField(desired, 'containerPort')) {
    return everyNamed ? byName : byContainerPort;
  }
  if (
    field === 'ports' &&
    desired.length > 0 &&
    allHaveField(desired, 'port')
  ) {
    return everyNamed ? byName : byServicePort;
  }
  return everyNamed ? byName : undefined;
}

/**
 * Chooses the key of a list from its field name and items; `undefined`
 * means "match by position". A key is only used when every desired item
 * has one and desired keys are unique.
 */
export function chooseListKey(
  field: string,
  desired: unknown[],
  live: unknown[],
): ListKeyFn | undefined {
  if (desired.length === 0 && live.length === 0) {
    return undefined;
  }
  const key = candidate(field, desired, live);
  if (!key || !allHave(desired, key) || !uniqueKeys(desired, key)) {
    return undefined;
  }
  return key;
}
