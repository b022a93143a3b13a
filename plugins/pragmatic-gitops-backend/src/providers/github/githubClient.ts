/**
 * The Octokit client of the GitHub integrations: the integration's token, a
 * timeout per request, redirects not followed, and every URL (pagination
 * links included) confined to the configured `apiBaseUrl`, so the token
 * never goes elsewhere. `GithubClients` holds the configured hosts and the
 * credentials provider; the back-port commit finder and the back-port pull
 * request opener both get their clients from it.
 */
import { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';
import { configuredScmHosts } from '../scmBackportSearch';
import { ConfiguredScmClients, ScmRepositoryRef } from '../scmClients';

/**
 * Ends a request from inside Octokit's fetch (timeout, a URL outside the
 * configured API); named AbortError so that Octokit passes it through.
 */
export class GithubRequestStopped extends Error {
  name = 'AbortError';
}

export function createGithubClient(options: {
  apiBaseUrl: string;
  token?: string;
  timeoutMs: number;
}): Octokit {
  const { apiBaseUrl, token, timeoutMs } = options;
  return new Octokit({
    baseUrl: apiBaseUrl,
    ...(token ? { auth: token } : {}),
    headers: { 'X-GitHub-Api-Version': '2022-11-28' },
    log: { debug() {}, info() {}, warn() {}, error() {} },
    request: {
      async fetch(url: string, init: RequestInit) {
        if (!String(url).startsWith(`${apiBaseUrl}/`)) {
          throw new GithubRequestStopped(
            `refusing to call outside ${apiBaseUrl} for`,
          );
        }
        const signal = AbortSignal.timeout(timeoutMs);
        try {
          return await fetch(url, { ...init, signal, redirect: 'manual' });
        } catch (error) {
          if (signal.aborted) {
            throw new GithubRequestStopped(
              `GitHub did not answer within ${timeoutMs} ms for`,
            );
          }
          throw error;
        }
      },
    },
  });
}

/**
 * The API of the GitHub integration configured for `host` (listed under
 * `integrations.github`: the only hosts ever called), or why there is none.
 */
function githubApiBaseUrl(
  integrations: ScmIntegrationRegistry,
  configured: { handles(host: string): boolean },
  host: string,
): { apiBaseUrl: string } | { reason: string } {
  const integration = configured.handles(host)
    ? integrations.github.byHost(host.toLowerCase())
    : undefined;
  if (!integration) {
    return { reason: `no GitHub integration is configured for ${host}` };
  }
  const apiBaseUrl = integration.config.apiBaseUrl?.replace(/\/+$/, '');
  if (!apiBaseUrl) {
    return {
      reason: `the GitHub integration for ${host} has no apiBaseUrl`,
    };
  }
  return { apiBaseUrl };
}

export type GithubClientsOptions = {
  integrations: ScmIntegrationRegistry;
  /** Hosts listed under `integrations.github`: the only ones called. */
  configuredHosts: string[];
  credentialsProvider?: GithubCredentialsProvider;
  /** Per request; default 10 s. */
  timeoutMs?: number;
};

/** Octokit clients for the hosts configured under `integrations.github`. */
export class GithubClients extends ConfiguredScmClients<Octokit> {
  static fromConfig(
    config: Config,
    options: { timeoutMs?: number } = {},
  ): GithubClients {
    return new GithubClients({
      integrations: ScmIntegrations.fromConfig(config),
      configuredHosts: [...configuredScmHosts(config, 'github', 'github.com')],
      ...options,
    });
  }

  constructor(private readonly options: GithubClientsOptions) {
    super(
      'GitHub',
      options,
      options.credentialsProvider ??
        DefaultGithubCredentialsProvider.fromIntegrations(options.integrations),
    );
  }

  async clientFor(
    repository: ScmRepositoryRef,
  ): Promise<{ client: Octokit } | { reason: string }> {
    const api = githubApiBaseUrl(
      this.options.integrations,
      this,
      repository.host,
    );
    if ('reason' in api) return api;
    const token = await this.token(repository);
    return {
      client: createGithubClient({
        apiBaseUrl: api.apiBaseUrl,
        token,
        timeoutMs: this.timeoutMs,
      }),
    };
  }
}
