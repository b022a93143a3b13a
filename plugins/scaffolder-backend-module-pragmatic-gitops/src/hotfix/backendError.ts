import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';

/** What to say for each kind of failure; `details` is `(<status>: <backend message>)`. */
export type BackendErrorMessages = (details: string) => {
  /** 400 */
  invalid: string;
  /** 401 */
  unauthenticated: string;
  /** 403 */
  denied: string;
  /** 404 */
  notFound: string;
  /** 409, 422 */
  conflict: string;
  /** Anything else: the backend or what it called (an SCM) failed. */
  failed: string;
};

/**
 * Turns a failed response of the Pragmatic GitOps backend into an error whose
 * message carries the status and the backend's own message (Backstage error
 * JSON), typed so the scaffolder and its callers can tell a refusal from a
 * bad input or an outage. The message already says everything the response
 * did, so it is not chained to a cause (which would repeat it).
 */
export async function backendError(
  response: Response,
  messages: BackendErrorMessages,
): Promise<Error> {
  const responseError = await ResponseError.fromResponse(response);
  const status = `${response.status}${
    response.statusText ? ` ${response.statusText}` : ''
  }`;
  const message = truncate(
    responseError.body.error?.message || responseError.message,
  );
  const say = messages(`(${status}: ${message})`);

  switch (response.status) {
    case 400:
      return new InputError(say.invalid);
    case 401:
      return new AuthenticationError(say.unauthenticated);
    case 403:
      return new NotAllowedError(say.denied);
    case 404:
      return new NotFoundError(say.notFound);
    case 409:
    case 422:
      return new ConflictError(say.conflict);
    default:
      return new Error(say.failed);
  }
}

/** Keeps an error page (HTML from a proxy, say) from flooding the task log. */
function truncate(message: string, max = 500): string {
  return message.length > max ? `${message.slice(0, max)}…` : message;
}

/** The sentence for credentials the backend did not accept, shared by the actions. */
export const UNAUTHENTICATED =
  'the Pragmatic GitOps backend did not accept the credentials of the user running the template';
