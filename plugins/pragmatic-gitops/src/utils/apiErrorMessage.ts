import { ResponseError } from '@backstage/errors';

/**
 * The message the backend gave (for example "title must not be empty"), or
 * the error's own message when the answer carried none.
 */
export function backendMessage(error: Error): string {
  const cause = ResponseError.is(error) ? error.cause?.message : undefined;
  return cause || error.message;
}

/**
 * A sentence for a failed write, shown next to the control that started it:
 * a refusal names the permission it takes, a conflict and a bad input say
 * what the backend said.
 */
export function describeApiError(
  error: Error,
  options: {
    action: string;
    permission: string;
    /**
     * The route's own 403s say why (the permission, or the SCM that refused
     * and its repository): show them as they are, unless generic.
     */
    refusalsExplained?: boolean;
  },
): string {
  const message = backendMessage(error);
  if (ResponseError.is(error) && error.statusCode === 403) {
    const generic = !message || /^(unauthorized|forbidden)$/i.test(message);
    if (options.refusalsExplained && !generic) {
      return message;
    }
    return `You are not allowed to ${options.action}: it takes the ${
      options.permission
    } permission.${generic ? '' : ` (${message})`}`;
  }
  return message;
}
