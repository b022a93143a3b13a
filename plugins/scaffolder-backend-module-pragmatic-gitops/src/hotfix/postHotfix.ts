import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';
import { HotfixRequest } from './hotfixRequestFromInput';

/** Plugin id of the Pragmatic GitOps backend, which keeps the hotfix ledger. */
export const PRAGMATIC_GITOPS_PLUGIN_ID = 'pragmatic-gitops';

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
  const { auth, discovery, onBehalfOf, idempotencyKey, request, signal } =
    options;
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf,
    targetPluginId: PRAGMATIC_GITOPS_PLUGIN_ID,
  });
  const baseUrl = await discovery.getBaseUrl(PRAGMATIC_GITOPS_PLUGIN_ID);

  const response = await fetch(`${baseUrl}/hotfixes`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'Idempotency-Key': idempotencyKey,
    },
    body: JSON.stringify(request),
    signal,
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

/**
 * Turns a failed response into an error whose message carries the status and
 * the backend's own message (Backstage error JSON), typed so the scaffolder
 * and its callers can tell a refusal from a bad input or an outage. The
 * message already says everything the response did, so it is not chained to
 * a cause (which would repeat it).
 */
async function recordError(response: Response, entityRef: string) {
  const responseError = await ResponseError.fromResponse(response);
  const status = `${response.status}${
    response.statusText ? ` ${response.statusText}` : ''
  }`;
  const message = truncate(
    responseError.body.error?.message || responseError.message,
  );
  const details = `(${status}: ${message})`;

  switch (response.status) {
    case 400:
      return new InputError(
        `The hotfix for ${entityRef} was rejected ${details}`,
      );
    case 401:
      return new AuthenticationError(
        `Could not record the hotfix for ${entityRef}: the Pragmatic GitOps backend did not accept the credentials of the user running the template ${details}`,
      );
    case 403:
      return new NotAllowedError(
        `Could not record the hotfix: you may not record hotfixes for ${entityRef} ${details}`,
      );
    case 404:
      return new NotFoundError(
        `Could not record the hotfix for ${entityRef} ${details}`,
      );
    case 409:
    case 422:
      return new ConflictError(
        `Could not record the hotfix for ${entityRef} ${details}`,
      );
    default:
      return new Error(
        `Could not record the hotfix for ${entityRef}: the Pragmatic GitOps backend failed ${details}`,
      );
  }
}

/** Keeps an error page (HTML from a proxy, say) from flooding the task log. */
function truncate(message: string, max = 500): string {
  return message.length > max ? `${message.slice(0, max)}…` : message;
}
