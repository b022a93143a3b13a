import pLimit from 'p-limit';
import { KvLocation, metadataUrl } from './kvPath';
import { VaultInstanceConfig } from './readVaultConfig';

/** What the KV v2 metadata endpoint says about one secret or folder. Never data. */
export type VaultMetadata =
  | { type: 'missing' }
  | { type: 'folder' }
  | {
      type: 'secret';
      currentVersion: number;
      /** ISO 8601, normalised. */
      updatedTime?: string;
      /** Versions that exist, and whether each can still be read. */
      versions: Record<string, { readable: boolean }>;
    };

/**
 * A failed metadata request. `message` names the instance and never holds
 * the token or anything of the response body.
 */
export class VaultMetadataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultMetadataError';
  }
}

export type VaultMetadataClientOptions = {
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Maximum requests in flight to this instance. Default 4. */
  concurrency?: number;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isoTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    return undefined;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function parseVersions(value: unknown): Record<string, { readable: boolean }> {
  if (!isRecord(value)) return {};
  const versions: Record<string, { readable: boolean }> = {};
  for (const [version, entry] of Object.entries(value)) {
    if (!/^\d+$/.test(version) || !isRecord(entry)) continue;
    const deleted =
      typeof entry.deletion_time === 'string' && entry.deletion_time !== '';
    versions[version] = { readable: !deleted && entry.destroyed !== true };
  }
  return versions;
}

/** Reads only the fields it needs: `custom_metadata` and the rest are dropped. */
function parseMetadata(
  body: unknown,
  folder: boolean,
): VaultMetadata | undefined {
  const data = isRecord(body) && isRecord(body.data) ? body.data : undefined;
  if (!data) return undefined;
  if (folder) {
    return Array.isArray(data.keys) ? { type: 'folder' } : undefined;
  }
  const current = data.current_version;
  if (
    typeof current !== 'number' ||
    !Number.isInteger(current) ||
    current < 0
  ) {
    return undefined;
  }
  const updatedTime = isoTime(data.updated_time);
  return {
    type: 'secret',
    currentVersion: current,
    ...(updatedTime ? { updatedTime } : {}),
    versions: parseVersions(data.versions),
  };
}

/**
 * Read-only client of one Vault instance's KV v2 metadata endpoint
 * (`GET /v1/{mount}/metadata/{path}`). It never calls a `/data/` endpoint,
 * never follows redirects (they could carry the token elsewhere) and sends
 * the token to its own instance only.
 */
export class VaultMetadataClient {
  private readonly limit: pLimit.Limit;
  private readonly fetchImpl: typeof fetch;

  constructor(
    readonly instance: VaultInstanceConfig,
    options: VaultMetadataClientOptions = {},
  ) {
    this.limit = pLimit(options.concurrency ?? 4);
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  readMetadata(location: KvLocation): Promise<VaultMetadata> {
    return this.limit(() => this.request(location));
  }

  private async request(location: KvLocation): Promise<VaultMetadata> {
    const { name, timeoutMs } = this.instance;
    const url = metadataUrl(this.instance.baseUrl, location);
    const signal = AbortSignal.timeout(timeoutMs);
    let onAbort: (() => void) | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      onAbort = () =>
        reject(
          new VaultMetadataError(
            `Vault instance '${name}' did not answer within ${timeoutMs} ms; check that it is reachable from the backend, or raise timeoutMs`,
          ),
        );
      signal.addEventListener('abort', onAbort, { once: true });
    });
    timedOut.catch(() => {});
    try {
      return await Promise.race([
        timedOut,
        this.fetchMetadata(url, location, signal),
      ]);
    } finally {
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }

  private async fetchMetadata(
    url: string,
    location: KvLocation,
    signal: AbortSignal,
  ): Promise<VaultMetadata> {
    const { name, token, namespace } = this.instance;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: 'GET',
        headers: {
          Accept: 'application/json',
          'X-Vault-Token': token,
          ...(namespace ? { 'X-Vault-Namespace': namespace } : {}),
        },
        redirect: 'manual',
        signal,
      });
    } catch {
      throw new VaultMetadataError(
        `Could not connect to Vault instance '${name}'; check baseUrl and that the instance is running`,
      );
    }
    const { status } = response;
    if (status !== 200) {
      response.body?.cancel().catch(() => {});
    }
    if (status === 404) return { type: 'missing' };
    if (status === 401 || status === 403) {
      throw new VaultMetadataError(
        `Vault instance '${name}': permission denied reading metadata (HTTP ${status}); the token needs 'read'${
          location.folder ? " and 'list'" : ''
        } on ${location.mount}/metadata/*`,
      );
    }
    if (status >= 300 && status < 400) {
      throw new VaultMetadataError(
        `Vault instance '${name}' answered with a redirect (HTTP ${status}), which is not followed; set baseUrl to the active node's address`,
      );
    }
    if (status >= 500) {
      throw new VaultMetadataError(
        `Vault instance '${name}' failed with HTTP ${status}${
          status === 503 ? ' (sealed or in standby?)' : ''
        }; try again later`,
      );
    }
    if (status !== 200) {
      throw new VaultMetadataError(
        `Vault instance '${name}' answered HTTP ${status} reading metadata`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      body = undefined; // never echo the body, nor JSON.parse's message
    }
    const metadata = parseMetadata(body, location.folder);
    if (!metadata) {
      throw new VaultMetadataError(
        `Vault instance '${name}' returned an unexpected response for KV v2 metadata; check that ${location.mount} is a KV version 2 mount and baseUrl points at the Vault API`,
      );
    }
    return metadata;
  }
}
