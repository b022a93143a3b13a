import { Knex } from 'knex';

/**
 * SQL for a timestamp column as milliseconds since the epoch. PostgreSQL
 * stores timestamptz; SQLite keeps what the driver wrote: milliseconds as a
 * number (knex binds Dates that way) or, from older writers, a date string.
 */
export function epochMillis(db: Knex, column: string): Knex.Raw {
  if (db.client.dialect === 'postgresql') {
    return db.raw('(extract(epoch from ??) * 1000)', [column]);
  }
  return db.raw(
    `(case when typeof(??) in ('integer', 'real') then ?? else (julianday(??) - 2440587.5) * 86400000 end)`,
    [column, column, column],
  );
}
