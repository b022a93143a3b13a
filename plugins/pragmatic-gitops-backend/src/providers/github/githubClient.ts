/**
 * The Octokit client of the GitHub integrations: the integration's token, a
 * timeout per request, redirects not followed, and every URL (pagination
 * links included) confined to the configured `apiBaseUrl`, so the token
 * never goes elsewhere. Shared by the back-port commit finder and the
 * back-port pull request opener.
 */
import { ScmIntegrationRegistry } from '@backstage/integration';
import { Octokit } from '@octokit/rest';

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
export function githubApiBaseUrl(
  integrations: ScmIntegrationRegistry,
  configuredHosts: ReadonlySet<string>,
  host: string,
): { apiBaseUrl: string } | { reason: string } {
  const integration = configuredHosts.has(host.toLowerCase())
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
