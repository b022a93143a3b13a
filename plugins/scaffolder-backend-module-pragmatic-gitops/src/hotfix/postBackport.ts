import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { HotfixBackport } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { backendError, UNAUTHENTICATED } from './backendError';
import { pragmaticGitopsFetch } from './pragmaticGitopsFetch';

/**
 * Generates the back-port of a pending hotfix (`POST /hotfixes/{id}/backport`
 * without a body), on behalf of the given credentials: the backend checks
 * that user's `pragmatic-gitops.hotfix.update` permission, opens the pull
 * request (or returns the one already open) or returns the patch.
 */
export async function postBackport(options: {
  auth: AuthService;
  discovery: DiscoveryService;
  onBehalfOf: BackstageCredentials;
  hotfixId: string;
  signal?: AbortSignal;
}): Promise<HotfixBackport> {
  const { hotfixId } = options;
  const response = await pragmaticGitopsFetch({
    ...options,
    method: 'POST',
    path: `/hotfixes/${encodeURIComponent(hotfixId)}/backport`,
  });
  if (!response.ok) {
    throw await backportError(response, hotfixId);
  }
  return parseBackport(await response.json().catch(() => undefined), hotfixId);
}

function parseBackport(body: unknown, hotfixId: string): HotfixBackport {
  const backport = (typeof body === 'object' && body !== null ? body : {}) as {
    [key in keyof HotfixBackport]?: unknown;
  };
  const known = backport.type === 'diff' || backport.type === 'pull-request';
  const pullRequest = backport.pullRequest as
    | HotfixBackport['pullRequest']
    | undefined;
  if (
    !known ||
    !Array.isArray(backport.refused) ||
    (backport.type === 'pull-request' && typeof pullRequest?.url !== 'string')
  ) {
    throw new Error(
      `The Pragmatic GitOps backend answered the back-port of ${hotfixId} with something that is not a back-port; look at the hotfix on the entity page before retrying`,
    );
  }
  return {
    ...(backport as HotfixBackport),
    written: Array.isArray(backport.written) ? backport.written : [],
  };
}

/** The errors of `POST /hotfixes/{id}/backport`, naming the hotfix. */
function backportError(response: Response, hotfixId: string) {
  return backendError(response, details => ({
    invalid: `The back-port of ${hotfixId} was rejected ${details}`,
    unauthenticated: `Could not back-port ${hotfixId}: ${UNAUTHENTICATED} ${details}`,
    // Refusals and conflicts have several causes (the user's permission, the
    // SCM, a hotfix no longer pending, no source); the backend's message says which.
    denied: `Could not back-port ${hotfixId}: refused ${details}`,
    notFound: `Could not back-port ${hotfixId} ${details}`,
    conflict: `Could not back-port ${hotfixId} ${details}`,
    failed: `Could not back-port ${hotfixId} ${details}`,
  }));
}
