import pLimit from 'p-limit';
import { ArgoCdInstanceConfig } from './readArgoCdConfig';

/**
 * A failed request to Argo CD. `message` is written for a person, names the
 * instance and never contains the token or any response content.
 */
export class ArgoCdRequestError extends Error {
  readonly kind:
    | 'timeout'
    | 'aborted'
    | 'connection'
    | 'unauthorized'
    | 'not-found'
    | 'server-error'
    | 'unexpected-status'
    | 'redirect'
    | 'not-json'
    | 'invalid-name';
  readonly status?: number;

  constructor(
    kind: ArgoCdRequestError['kind'],
    message: string,
    status?: number,
  ) {
    super(message);
    this.name = 'ArgoCdRequestError';
    this.kind = kind;
    this.status = status;
  }
}

export type ArgoCdClientOptions = {
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
};

const APPLICATIONS_PATH = '/api/v1/applications/';

/**
 * Minimal read-only client of the Argo CD REST API for one configured
 * instance. Every URL is built from the configured `baseUrl` plus a fixed
 * path and the URL-encoded application name; nothing else from the caller
 * reaches the URL. Requests share a per-instance concurrency limit and each
 * has the instance's timeout, counted from the moment it is actually sent.
 */
export class ArgoCdClient {
  readonly instance: ArgoCdInstanceConfig;
  private readonly limit: pLimit.Limit;
  private readonly fetchImpl: typeof fetch;

  constructor(
    instance: ArgoCdInstanceConfig,
    options: ArgoCdClientOptions = {},
  ) {
    this.instance = instance;
    this.limit = pLimit(instance.concurrency);
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** `GET /api/v1/applications/{name}` */
  async getApplication(
    appName: string,
    signal?: AbortSignal,
  ): Promise<unknown> {
    return this.getJson(this.applicationUrl(appName), appName, signal);
  }

  /** `GET /api/v1/applications/{name}/managed-resources` */
  async getManagedResources(
    appName: string,
    signal?: AbortSignal,
  ): Promise<unknown> {
    return this.getJson(
      this.applicationUrl(appName, '/managed-resources'),
      appName,
      signal,
    );
  }

  /**
   * `{baseUrl}/api/v1/applications/{encoded name}{suffix}`. Throws an
   * `ArgoCdRequestError` of kind `invalid-name` if the result would leave
   * the application's path (e.g. `.` or `..`, which encodeURIComponent keeps
   * and the URL parser would resolve as dot segments).
   */
  applicationUrl(
    appName: string,
    suffix: '' | '/managed-resources' = '',
  ): string {
    const prefix = `${this.instance.baseUrl}${APPLICATIONS_PATH}`;
    const expectedPath = `${prefix}${encodeURIComponent(appName)}${suffix}`;
    let parsed: URL | undefined;
    try {
      parsed = new URL(expectedPath);
    } catch {
      parsed = undefined;
    }
    const base = new URL(prefix);
    if (
      !appName ||
      !parsed ||
      parsed.origin !== base.origin ||
      !parsed.pathname.startsWith(base.pathname) ||
      parsed.pathname.length <= base.pathname.length ||
      parsed.search ||
      parsed.hash ||
      parsed.href !== expectedPath
    ) {
      throw new ArgoCdRequestError(
        'invalid-name',
        `Argo CD application name ${JSON.stringify(
          appName.slice(0, 100),
        )} cannot be used in a request to instance '${this.instance.name}'`,
      );
    }
    return parsed.href;
  }

  private getJson(
    url: string,
    appName: string,
    outerSignal?: AbortSignal,
  ): Promise<unknown> {
    return this.limit(() => this.request(url, appName, outerSignal));
  }

  private async request(
    url: string,
    appName: string,
    outerSignal?: AbortSignal,
  ): Promise<unknown> {
    const { name, timeoutMs } = this.instance;
    const what = `application '${appName}' in Argo CD instance '${name}'`;

    const timeoutSignal = AbortSignal.timeout(timeoutMs);
    const signal = outerSignal
      ? AbortSignal.any([timeoutSignal, outerSignal])
      : timeoutSignal;

    const fail = (): ArgoCdRequestError =>
      timeoutSignal.aborted
        ? new ArgoCdRequestError(
            'timeout',
            `Argo CD instance '${name}' did not answer within ${timeoutMs} ms when reading ${what}; check that ${this.instance.baseUrl} is reachable from the backend, or raise timeoutMs for this instance`,
          )
        : new ArgoCdRequestError(
            'aborted',
            `Request for ${what} was cancelled`,
          );

    // Settles as soon as the signal fires, even if the fetch implementation
    // is slow to honour it.
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(fail());
      if (signal.aborted) {
        onAbort();
      } else {
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
    aborted.catch(() => {});

    try {
      return await Promise.race([
        aborted,
        this.fetchJson(url, appName, what, signal),
      ]);
    } finally {
      if (onAbort) {
        signal.removeEventListener('abort', onAbort);
      }
    }
  }

  private async fetchJson(
    url: string,
    appName: string,
    what: string,
    signal: AbortSignal,
  ): Promise<unknown> {
    const { name } = this.instance;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: 'GET',
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${this.instance.token}`,
        },
        // Never follow a redirect: it could carry the token elsewhere.
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      if (signal.aborted) {
        throw error; // reported by the abort race
      }
      throw new ArgoCdRequestError(
        'connection',
        `Could not connect to Argo CD instance '${name}' at ${
          this.instance.baseUrl
        }${describeCause(
          error,
        )}; check baseUrl and that the instance is running`,
      );
    }

    const { status } = response;
    if (status === 401 || status === 403) {
      discard(response);
      throw new ArgoCdRequestError(
        'unauthorized',
        `Argo CD instance '${name}' rejected the token (HTTP ${status}) when reading ${what}; check the token configured for '${name}' and that its account may read this application`,
        status,
      );
    }
    if (status === 404) {
      discard(response);
      throw new ArgoCdRequestError(
        'not-found',
        `Application '${appName}' not found in Argo CD instance '${name}'; check the argocd/app-name annotation`,
        status,
      );
    }
    if (status >= 300 && status < 400) {
      discard(response);
      throw new ArgoCdRequestError(
        'redirect',
        `Argo CD instance '${name}' answered with a redirect (HTTP ${status}) when reading ${what}; redirects are not followed, check that baseUrl is the exact API address (scheme and path prefix)`,
        status,
      );
    }
    if (status >= 500) {
      discard(response);
      throw new ArgoCdRequestError(
        'server-error',
        `Argo CD instance '${name}' failed with HTTP ${status} when reading ${what}; the instance may be unhealthy, try again later`,
        status,
      );
    }
    if (status < 200 || status >= 300) {
      discard(response);
      throw new ArgoCdRequestError(
        'unexpected-status',
        `Argo CD instance '${name}' answered HTTP ${status} when reading ${what}`,
        status,
      );
    }

    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      // Never echo the body (nor JSON.parse's message, which quotes it).
      const type = response.headers.get('content-type');
      throw new ArgoCdRequestError(
        'not-json',
        `Argo CD instance '${name}' returned a response that is not JSON when reading ${what}${
          type ? ` (content-type ${type.split(';')[0]})` : ''
        }; check that baseUrl points at the Argo CD API`,
        status,
      );
    }
  }
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = cause && typeof cause.code === 'string' ? cause.code : undefined;
  return code && /^[A-Z_]+$/.test(code) ? ` (${code})` : '';
}

/**
 * Releases an unread body so the connection can be reused. Not awaited:
 * some fetch implementations only settle the cancel once the body ends.
 */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}
