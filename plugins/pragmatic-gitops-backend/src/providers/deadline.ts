/**
 * A deadline for a whole upstream call: connecting, headers and the body.
 * HTTP clients' own timeouts (socket idle, header wait) do not end a
 * response whose body trickles in, and some clients do not pass the abort on
 * to a body already being read; this settles the call anyway.
 */
export class DeadlineExceeded extends Error {
  constructor(readonly timeoutMs: number) {
    super(`did not answer within ${timeoutMs} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * Runs `work` with a signal that aborts after `timeoutMs`, and rejects with
 * `DeadlineExceeded` at that moment even if `work` has not settled yet.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new DeadlineExceeded(timeoutMs));
      reject(new DeadlineExceeded(timeoutMs));
    }, timeoutMs);
  });
  const running = work(controller.signal);
  // The loser of the race must not become an unhandled rejection.
  running.catch(() => {});
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}
