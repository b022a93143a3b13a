import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { isJsonPointer } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** One resource changed by hand, as the template passes it. */
export type HotfixChangeInput = {
  kind: string;
  namespace?: string;
  name: string;
  paths?: string[];
};

/** The input of `pragmatic-gitops:hotfix:record`, as the template passes it. */
export type HotfixInput = {
  entityRef: string;
  title: string;
  description?: string;
  incidentUrl?: string;
  appliedAt?: string;
  changes: HotfixChangeInput[];
};

/**
 * The body of `POST /hotfixes`. It carries no identity: the backend takes who
 * applied the hotfix from the caller's Backstage credentials.
 */
export type HotfixRequest = {
  entityRef: string;
  title: string;
  description?: string;
  incidentUrl?: string;
  appliedAt?: string;
  changes: Array<{
    kind: string;
    namespace?: string;
    name: string;
    paths?: string[];
  }>;
};

/**
 * Validates the action input and builds the request body from the known
 * fields only, so nothing else a template passes (an `appliedBy`, say) ever
 * reaches the ledger. Optional fields left empty in the form are omitted.
 * Errors are InputErrors naming the field, e.g. `changes[1].paths[0]`.
 */
export function hotfixRequestFromInput(input: HotfixInput): HotfixRequest {
  const entityRef = parseEntity(required(input.entityRef, 'entityRef'));
  const request: HotfixRequest = {
    entityRef,
    title: required(input.title, 'title'),
    changes: parseChanges(input.changes),
  };

  const description = optional(input.description, 'description');
  if (description !== undefined) {
    request.description = description;
  }
  const incidentUrl = optional(input.incidentUrl, 'incidentUrl');
  if (incidentUrl !== undefined) {
    request.incidentUrl = parseHttpUrl(incidentUrl, 'incidentUrl');
  }
  const appliedAt = optional(input.appliedAt, 'appliedAt');
  if (appliedAt !== undefined) {
    request.appliedAt = parseTimestamp(appliedAt, 'appliedAt');
  }
  return request;
}

function parseEntity(value: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(value));
  } catch (error) {
    throw new InputError(
      `Invalid input entityRef: ${JSON.stringify(
        value,
      )} is not an entity reference such as component:default/payments (${
        (error as Error).message
      })`,
    );
  }
}

function parseChanges(value: unknown): HotfixRequest['changes'] {
  if (!Array.isArray(value)) {
    throw new InputError(
      `Invalid input changes: expected a list of changed resources, got ${describe(
        value,
      )}`,
    );
  }
  if (value.length === 0) {
    throw new InputError(
      'Invalid input changes: name at least one resource that was changed by hand',
    );
  }
  return value.map((change: unknown, index) => {
    const field = `changes[${index}]`;
    if (!isObject(change)) {
      throw new InputError(
        `Invalid input ${field}: expected an object with kind, name, and optionally namespace and paths, got ${describe(
          change,
        )}`,
      );
    }
    const parsed: HotfixRequest['changes'][number] = {
      kind: required(change.kind, `${field}.kind`),
      name: required(change.name, `${field}.name`),
    };
    const namespace = optional(change.namespace, `${field}.namespace`);
    if (namespace !== undefined) {
      parsed.namespace = namespace;
    }
    const paths = parsePaths(change.paths, `${field}.paths`);
    if (paths !== undefined) {
      parsed.paths = paths;
    }
    return parsed;
  });
}

function parsePaths(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    throw new InputError(
      `Invalid input ${field}: expected a list of JSON pointers, got ${describe(
        value,
      )}`,
    );
  }
  const paths = value
    .map((path: unknown, index) => optional(path, `${field}[${index}]`))
    .map((path, index) => {
      if (path !== undefined && !isJsonPointer(path)) {
        throw new InputError(
          `Invalid input ${field}[${index}]: ${JSON.stringify(
            path,
          )} is not a JSON pointer (RFC 6901); expected something like /spec/replicas`,
        );
      }
      return path;
    })
    .filter((path): path is string => path !== undefined);
  return paths.length > 0 ? paths : undefined;
}

function parseHttpUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(
      `Invalid input ${field}: ${JSON.stringify(value)} is not a URL`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(
      `Invalid input ${field}: ${JSON.stringify(value)} is not an http(s) URL`,
    );
  }
  return value;
}

const TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseTimestamp(value: string, field: string): string {
  if (!TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InputError(
      `Invalid input ${field}: ${JSON.stringify(
        value,
      )} is not an ISO 8601 date-time with a time zone, e.g. 2026-11-26T07:30:00Z`,
    );
  }
  return new Date(value).toISOString();
}

/** A non-empty string, trimmed. */
function required(value: unknown, field: string): string {
  const parsed = optional(value, field);
  if (parsed === undefined) {
    throw new InputError(`Invalid input ${field}: must not be empty`);
  }
  return parsed;
}

/** A trimmed string, or undefined when absent or blank. */
function optional(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new InputError(
      `Invalid input ${field}: expected a string, got ${describe(value)}`,
    );
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'a list' : typeof value;
}
