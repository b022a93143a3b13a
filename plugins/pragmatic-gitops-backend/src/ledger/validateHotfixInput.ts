import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { isJsonPointer } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { parsePointer } from '../engine/jsonPointer';
import { isForbiddenKey } from '../engine/untrustedJson';
import { HotfixChange, NewHotfixRequest } from './types';

export const MAX_TITLE_LENGTH = 200;
const CHANGE_FIELDS = ['kind', 'namespace', 'name', 'paths'];
export const MAX_REASON_LENGTH = 1000;
/**
 * Paths over all changes of one hotfix: each scan of the entity matches
 * every path of every open hotfix, so an unbounded list costs CPU forever.
 */
export const MAX_HOTFIX_PATHS = 200;
/** Clocks drift; a hotfix may claim to be applied at most this far ahead. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export type ValidHotfixInput = {
  entityRef: string;
  title: string;
  description?: string;
  incidentUrl?: string;
  appliedAt: Date;
  changes: HotfixChange[];
};

/**
 * Checks what the OpenAPI schema cannot express, naming the field of every
 * error. Only known fields are copied: identity claims in the body
 * (appliedBy, actor, ...) are dropped here.
 */
export function validateHotfixInput(
  body: NewHotfixRequest,
  now: Date,
): ValidHotfixInput {
  const title = requireText(body.title, 'title', MAX_TITLE_LENGTH);
  const description = body.description?.trim() || undefined;
  const incidentUrl =
    body.incidentUrl === undefined
      ? undefined
      : requireHttpUrl(body.incidentUrl, 'incidentUrl');
  return {
    entityRef: requireEntityRef(body.entityRef, 'entityRef'),
    title,
    ...(description ? { description } : {}),
    ...(incidentUrl ? { incidentUrl } : {}),
    appliedAt: requireAppliedAt(body.appliedAt, now),
    changes: requireChanges(body.changes),
  };
}

/** Full entity ref (`kind:namespace/name`, namespace defaulting to default). */
export function requireEntityRef(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      `${field} must be an entity ref such as component:default/payments-api`,
    );
  }
  try {
    return stringifyEntityRef(parseEntityRef(value.trim()));
  } catch (error) {
    throw new InputError(
      `${field} ${JSON.stringify(
        value,
      )} is not an entity ref such as component:default/payments-api: ${
        (error as Error).message
      }`,
    );
  }
}

export function requireText(
  value: unknown,
  field: string,
  max: number,
): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') {
    throw new InputError(`${field} must not be empty`);
  }
  if ([...text].length > max) {
    throw new InputError(`${field} must be at most ${max} characters`);
  }
  return text;
}

export function requireHttpUrl(value: unknown, field: string): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value.trim()) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InputError(
      `${field} ${JSON.stringify(value)} must be an http(s) URL`,
    );
  }
  return (value as string).trim();
}

function requireAppliedAt(value: string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const appliedAt = new Date(value);
  if (Number.isNaN(appliedAt.getTime())) {
    throw new InputError(
      `appliedAt ${JSON.stringify(value)} is not an ISO 8601 date-time`,
    );
  }
  if (appliedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw new InputError(
      `appliedAt ${value} is in the future; a hotfix is recorded after it was applied`,
    );
  }
  return appliedAt;
}

/** A Date, or an ISO string parsed to one. */
export function requireDate(value: Date | string, field = 'at'): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InputError(`${field} ${JSON.stringify(value)} is not a date`);
  }
  return date;
}

function requireChanges(changes: unknown): HotfixChange[] {
  if (!Array.isArray(changes) || changes.length === 0) {
    throw new InputError('changes must list at least one changed resource');
  }
  const pathCount = changes.reduce(
    (n: number, change: HotfixChange) =>
      n + (Array.isArray(change?.paths) ? change.paths.length : 0),
    0,
  );
  if (changes.length + pathCount > MAX_HOTFIX_PATHS) {
    throw new InputError(
      `changes lists ${changes.length} resources and ${pathCount} paths; a hotfix may list at most ${MAX_HOTFIX_PATHS} (record several hotfixes, or name the resources without paths)`,
    );
  }
  return changes.map((change: HotfixChange, i): HotfixChange => {
    const field = `changes[${i}]`;
    const unknown = Object.keys(change ?? {}).find(
      key => !CHANGE_FIELDS.includes(key),
    );
    if (unknown) {
      throw new InputError(
        `${field}.${unknown} is not a field of a change; expected ${CHANGE_FIELDS.join(
          ', ',
        )}`,
      );
    }
    const kind = requireText(change?.kind, `${field}.kind`, 253);
    const name = requireText(change?.name, `${field}.name`, 253);
    const namespace = change.namespace?.trim() || undefined;
    const paths = change.paths?.map((path, j) => {
      if (typeof path !== 'string' || !isJsonPointer(path)) {
        throw new InputError(
          `${field}.paths[${j}] ${JSON.stringify(
            path,
          )} is not a JSON pointer (RFC 6901) such as /spec/replicas`,
        );
      }
      const forbidden = parsePointer(path).find(isForbiddenKey);
      if (forbidden) {
        throw new InputError(
          `${field}.paths[${j}] ${JSON.stringify(path)} names ${JSON.stringify(
            forbidden,
          )}, which is not a field`,
        );
      }
      return path;
    });
    return {
      kind,
      ...(namespace ? { namespace } : {}),
      name,
      ...(paths ? { paths } : {}),
    };
  });
}
