import { ServiceUnavailableError } from '@backstage/errors';

/** Node socket errors of a database that cannot be reached. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** SQLite result codes of a database file that cannot be used right now. */
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|READONLY)/;

/** Driver and pool messages of a connection that went away. */
const MESSAGES = [
  /Connection terminated/i, // pg: the server closed the socket
  /terminating connection/i, // pg_terminate_backend, shutdown
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /Timeout acquiring a connection/i, // knex pool
  /Unable to acquire a connection/i, // knex pool destroyed
  /database connection is not open/i, // better-sqlite3, closed
  /Client has encountered a connection error/i, // pg
];

/**
 * True when an error means the database cannot be reached or used for a
 * while (not that a query was wrong): connection refused or dropped,
 * PostgreSQL shutting down or refusing connections (SQLSTATE classes 08 and
 * 57P), the pool giving up, a closed SQLite connection. Looks through
 * `cause`, since knex and our stores may wrap the driver's error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as any, depth = 0; e && depth < 5; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (
      SOCKET_CODES.has(code) ||
      SQLITE_CODES.test(code) ||
      /^08/.test(code) ||
      /^57P0[1-3]$/.test(code) ||
      e.name === 'KnexTimeoutError' ||
      MESSAGES.some(m => m.test(String(e.message ?? '')))
    ) {
      return true;
    }
    e = e.cause;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The Pragmatic GitOps database is unavailable right now; try again shortly';

/** The 503 a request gets while the database is away; other errors unchanged. */
export function asServiceUnavailable(error: unknown): unknown {
  return isDatabaseUnavailable(error)
    ? new ServiceUnavailableError(DATABASE_UNAVAILABLE_MESSAGE)
    : error;
}
