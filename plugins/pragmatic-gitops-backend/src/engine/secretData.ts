/**
 * Secret payloads: a desired Secret may write values as base64 `data` or
 * plain `stringData`; the API server only returns `data`. Values compare by
 * their bytes and every difference is masked.
 */
import { Difference } from './types';
import { appendToken } from './jsonPointer';
import { makeDifference } from './secretMasking';
import { Owner } from './owner';
import { isEmpty, isPlainObject, JsonObject } from './values';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(value: string): Buffer | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact)) {
    return undefined;
  }
  return Buffer.from(compact, 'base64');
}

type DesiredEntry = { field: 'data' | 'stringData'; value: unknown };

function sameBytes(desired: DesiredEntry, live: unknown): boolean {
  if (desired.value === live) {
    return true;
  }
  if (typeof live !== 'string' || typeof desired.value !== 'string') {
    return false;
  }
  const liveBytes = decodeBase64(live);
  if (!liveBytes) {
    return false;
  }
  const desiredBytes =
    desired.field === 'stringData'
      ? Buffer.from(desired.value, 'utf8')
      : decodeBase64(desired.value);
  return desiredBytes !== undefined && desiredBytes.equals(liveBytes);
}

function entries(value: unknown): Array<[string, unknown]> {
  return isPlainObject(value) ? Object.entries(value) : [];
}

/**
 * Compares `data`/`stringData` of a desired Secret with live `data`. Paths
 * point at where desired declares the value (`/stringData/password`).
 */
export function compareSecretData(
  desired: JsonObject,
  live: JsonObject | undefined,
  owner: Owner | undefined,
  out: Difference[],
): void {
  const wanted = new Map<string, DesiredEntry>();
  for (const [key, value] of entries(desired.data)) {
    wanted.set(key, { field: 'data', value });
  }
  // stringData wins over data for the same key, as in the API server.
  for (const [key, value] of entries(desired.stringData)) {
    wanted.set(key, { field: 'stringData', value });
  }
  const liveData: JsonObject = {};
  for (const [key, value] of entries(live?.data)) {
    liveData[key] = value;
  }
  for (const [key, value] of entries(live?.stringData)) {
    if (typeof value === 'string') {
      liveData[key] = Buffer.from(value, 'utf8').toString('base64');
    }
  }

  for (const [key, entry] of wanted) {
    const liveValue = liveData[key];
    if (isEmpty(entry.value) && isEmpty(liveValue)) {
      continue;
    }
    if (isEmpty(entry.value)) {
      continue; // declares nothing: whatever is live is not drift
    }
    if (!sameBytes(entry, liveValue)) {
      out.push(
        makeDifference(
          appendToken(`/${entry.field}`, key),
          entry.value,
          liveValue,
          true,
        ),
      );
    }
  }

  if (!owner) {
    return;
  }
  const reported = new Set<string>();
  for (const field of ['data', 'stringData'] as const) {
    const applied = owner.field(field);
    if (!applied) {
      continue;
    }
    for (const key of applied.fieldKeys()) {
      if (!wanted.has(key) && !reported.has(key) && !isEmpty(liveData[key])) {
        reported.add(key);
        out.push(
          makeDifference(
            appendToken(`/${field}`, key),
            undefined,
            liveData[key],
            true,
            owner.source,
          ),
        );
      }
    }
  }
}
