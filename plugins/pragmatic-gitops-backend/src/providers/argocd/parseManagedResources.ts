import { KubeObject } from '../../engine/types';
import { findUntrustedJsonProblem } from '../../engine/untrustedJson';

/**
 * A response body that does not have the expected shape. The message says
 * what was wrong and where, never the content (objects may hold secrets).
 */
export class ArgoCdResponseShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgoCdResponseShapeError';
  }
}

/** One entry of the application's `status.resources`. */
export type ArgoCdResourceStatus = {
  group?: string;
  version?: string;
  kind: string;
  namespace?: string;
  name: string;
  status?: string;
  health?: string;
};

/** What the provider uses of `GET /api/v1/applications/{name}`. */
export type ArgoCdApplicationSummary = {
  sync?: string;
  revision?: string;
  health?: string;
  operation?: string;
  /** `status.reconciledAt`: when Argo CD last compared live with Git. */
  reconciledAt?: Date;
  resources: ArgoCdResourceStatus[];
};

export type ParsedManagedResources = {
  /** Live objects (`liveState`, else `normalizedLiveState`), non-null. */
  objects: KubeObject[];
  /** Desired objects (`targetState`), non-null. */
  desiredObjects: KubeObject[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalRecord(
  value: unknown,
  where: string,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!isRecord(value)) {
    throw new ArgoCdResponseShapeError(`${where} is not an object`);
  }
  return value;
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new ArgoCdResponseShapeError(`${where} is not a string`);
  }
  return value;
}

/** Parses the body of `GET /api/v1/applications/{name}`. */
export function parseApplication(body: unknown): ArgoCdApplicationSummary {
  if (!isRecord(body)) {
    throw new ArgoCdResponseShapeError(
      'the application response is not a JSON object',
    );
  }
  const status = optionalRecord(body.status, 'status');
  const sync = optionalRecord(status?.sync, 'status.sync');
  const health = optionalRecord(status?.health, 'status.health');
  const operationState = optionalRecord(
    status?.operationState,
    'status.operationState',
  );

  let revision = optionalString(sync?.revision, 'status.sync.revision');
  if (revision === undefined && sync?.revisions !== undefined) {
    // Multi-source applications report one revision per source.
    const revisions = sync.revisions;
    if (
      !Array.isArray(revisions) ||
      revisions.some(r => typeof r !== 'string')
    ) {
      throw new ArgoCdResponseShapeError(
        'status.sync.revisions is not a list of strings',
      );
    }
    revision = revisions.length ? revisions.join(', ') : undefined;
  }

  const rawResources = status?.resources;
  if (
    rawResources !== undefined &&
    rawResources !== null &&
    !Array.isArray(rawResources)
  ) {
    throw new ArgoCdResponseShapeError('status.resources is not a list');
  }
  const resources = (rawResources ?? []).map((raw: unknown, index: number) => {
    const where = `status.resources[${index}]`;
    if (!isRecord(raw)) {
      throw new ArgoCdResponseShapeError(`${where} is not an object`);
    }
    const kind = optionalString(raw.kind, `${where}.kind`);
    const name = optionalString(raw.name, `${where}.name`);
    if (!kind || !name) {
      throw new ArgoCdResponseShapeError(`${where} has no kind or name`);
    }
    const resourceHealth = optionalRecord(raw.health, `${where}.health`);
    return {
      group: optionalString(raw.group, `${where}.group`),
      version: optionalString(raw.version, `${where}.version`),
      kind,
      namespace: optionalString(raw.namespace, `${where}.namespace`),
      name,
      status: optionalString(raw.status, `${where}.status`),
      health: optionalString(resourceHealth?.status, `${where}.health.status`),
    };
  });

  const reconciledText = optionalString(
    status?.reconciledAt,
    'status.reconciledAt',
  );
  const reconciledAt = reconciledText ? new Date(reconciledText) : undefined;
  return {
    sync: optionalString(sync?.status, 'status.sync.status'),
    revision,
    ...(reconciledAt && Number.isFinite(reconciledAt.getTime())
      ? { reconciledAt }
      : {}),
    health: optionalString(health?.status, 'status.health.status'),
    operation: optionalString(
      operationState?.phase,
      'status.operationState.phase',
    ),
    resources,
  };
}

function describeItem(item: Record<string, unknown>, index: number): string {
  const part = (v: unknown) =>
    typeof v === 'string' && v ? v.slice(0, 253) : undefined;
  const group = part(item.group);
  const kind = part(item.kind) ?? '?';
  const namespace = part(item.namespace);
  const name = part(item.name) ?? '?';
  return `item ${index} (${group ? `${group}/` : ''}${kind} ${
    namespace ? `${namespace}/` : ''
  }${name})`;
}

/**
 * Parses one of `targetState` / `liveState` / `normalizedLiveState`: a JSON
 * string where a missing side is absent, `null`, `""` or the string "null".
 * An already-decoded object is accepted too.
 */
function parseState(
  value: unknown,
  field: string,
  where: string,
): KubeObject | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  let decoded: unknown;
  if (typeof value === 'string') {
    if (value.trim() === '' || value.trim() === 'null') {
      return undefined;
    }
    try {
      decoded = JSON.parse(value);
    } catch {
      // JSON.parse's message quotes the input: never surface it.
      throw new ArgoCdResponseShapeError(
        `${where} has a ${field} that is not valid JSON`,
      );
    }
  } else {
    decoded = value;
  }
  if (decoded === null) {
    return undefined;
  }
  const problem = findUntrustedJsonProblem(decoded);
  if (problem) {
    throw new ArgoCdResponseShapeError(
      `${where} has a ${field} where ${problem}`,
    );
  }
  if (
    !isRecord(decoded) ||
    typeof decoded.apiVersion !== 'string' ||
    typeof decoded.kind !== 'string' ||
    !isRecord(decoded.metadata) ||
    typeof decoded.metadata.name !== 'string'
  ) {
    throw new ArgoCdResponseShapeError(
      `${where} has a ${field} that is not a Kubernetes object (apiVersion, kind and metadata.name are required)`,
    );
  }
  return decoded as KubeObject;
}

/** Parses the body of `GET /api/v1/applications/{name}/managed-resources`. */
export function parseManagedResources(body: unknown): ParsedManagedResources {
  if (!isRecord(body)) {
    throw new ArgoCdResponseShapeError(
      'the managed-resources response is not a JSON object',
    );
  }
  // Argo CD omits `items` when the application manages nothing.
  const items = body.items ?? [];
  if (!Array.isArray(items)) {
    throw new ArgoCdResponseShapeError(
      'managed-resources "items" is not a list',
    );
  }

  const objects: KubeObject[] = [];
  const desiredObjects: KubeObject[] = [];
  items.forEach((item: unknown, index: number) => {
    if (!isRecord(item)) {
      throw new ArgoCdResponseShapeError(
        `managed-resources item ${index} is not an object`,
      );
    }
    const where = `managed-resources ${describeItem(item, index)}`;
    const target = parseState(item.targetState, 'targetState', where);
    const live =
      parseState(item.liveState, 'liveState', where) ??
      parseState(item.normalizedLiveState, 'normalizedLiveState', where);
    if (target) {
      desiredObjects.push(target);
    }
    if (live) {
      objects.push(live);
    }
  });
  return { objects, desiredObjects };
}
