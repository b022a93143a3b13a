import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';

/** Plugin id of the Pragmatic GitOps backend, which keeps the hotfix ledger. */
export const PRAGMATIC_GITOPS_PLUGIN_ID = 'pragmatic-gitops';

/**
 * Calls the Pragmatic GitOps backend on behalf of the given credentials (the
 * user running the template): the backend checks that user's permissions and
 * takes who did it from the token, never from the body. A body, when given,
 * is sent as JSON.
 */
export async function pragmaticGitopsFetch(options: {
  auth: AuthService;
  discovery: DiscoveryService;
  onBehalfOf: BackstageCredentials;
  method: 'GET' | 'POST';
  /** Below the plugin's base URL, e.g. `/hotfixes`. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}): Promise<Response> {
  const { auth, discovery, onBehalfOf, body } = options;
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf,
    targetPluginId: PRAGMATIC_GITOPS_PLUGIN_ID,
  });
  const baseUrl = await discovery.getBaseUrl(PRAGMATIC_GITOPS_PLUGIN_ID);
  return fetch(`${baseUrl}${options.path}`, {
    method: options.method,
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...options.headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: options.signal,
  });
}
