/** True when a database error is a unique constraint violation (PostgreSQL, SQLite, MySQL). */
export function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
  };
  if (code === '23505' || code === 'ER_DUP_ENTRY') return true;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return code !== 'SQLITE_CONSTRAINT'
      ? code === 'SQLITE_CONSTRAINT_UNIQUE' ||
          code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
      : /UNIQUE constraint failed/.test(String(message));
  }
  return false;
}

/** SQLite hands timestamps back as numbers or strings, PostgreSQL as Dates. */
export function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}
