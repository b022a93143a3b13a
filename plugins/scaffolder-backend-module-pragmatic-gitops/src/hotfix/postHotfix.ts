import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { backendError, UNAUTHENTICATED } from './backendError';
import { HotfixRequest } from './hotfixRequestFromInput';
import { pragmaticGitopsFetch } from './pragmaticGitopsFetch';

/** What the ledger answers for a recorded hotfix (the fields this module uses). */
export type RecordedHotfix = {
  id: string;
  status: string;
  appliedBy?: string;
  appliedAt?: string;
};

/**
 * Records a hotfix in the ledger of the Pragmatic GitOps backend, on behalf of
 * the given credentials (the user running the template): the backend checks
 * that user's permission and takes the hotfix's author from the token.
 *
 * The idempotency key makes a repeated call (a retried task) return the
 * hotfix recorded the first time instead of recording it again.
 */
export async function postHotfix(options: {
  auth: AuthService;
  discovery: DiscoveryService;
  onBehalfOf: BackstageCredentials;
  idempotencyKey: string;
  request: HotfixRequest;
  signal?: AbortSignal;
}): Promise<RecordedHotfix> {
  const { idempotencyKey, request } = options;
  const response = await pragmaticGitopsFetch({
    ...options,
    method: 'POST',
    path: '/hotfixes',
    headers: { 'Idempotency-Key': idempotencyKey },
    body: request,
  });

  if (!response.ok) {
    throw await recordError(response, request.entityRef);
  }
  return parseRecordedHotfix(await response.json().catch(() => undefined));
}

function parseRecordedHotfix(body: unknown): RecordedHotfix {
  const hotfix = (typeof body === 'object' && body !== null ? body : {}) as {
    [key in keyof RecordedHotfix]?: unknown;
  };
  if (typeof hotfix.id !== 'string' || hotfix.id === '') {
    throw new Error(
      'The Pragmatic GitOps backend answered without a hotfix id; the hotfix may or may not be recorded, check the entity page before retrying',
    );
  }
  const recorded: RecordedHotfix = {
    id: hotfix.id,
    status: typeof hotfix.status === 'string' ? hotfix.status : 'unknown',
  };
  if (typeof hotfix.appliedBy === 'string') {
    recorded.appliedBy = hotfix.appliedBy;
  }
  if (typeof hotfix.appliedAt === 'string') {
    recorded.appliedAt = hotfix.appliedAt;
  }
  return recorded;
}

/** The errors of `POST /hotfixes`, naming the entity. */
function recordError(response: Response, entityRef: string) {
  return backendError(response, details => ({
    invalid: `The hotfix for ${entityRef} was rejected ${details}`,
    unauthenticated: `Could not record the hotfix for ${entityRef}: ${UNAUTHENTICATED} ${details}`,
    denied: `Could not record the hotfix: you may not record hotfixes for ${entityRef} ${details}`,
    notFound: `Could not record the hotfix for ${entityRef} ${details}`,
    conflict: `Could not record the hotfix for ${entityRef} ${details}`,
    failed: `Could not record the hotfix for ${entityRef}: the Pragmatic GitOps backend failed ${details}`,
  }));
}
