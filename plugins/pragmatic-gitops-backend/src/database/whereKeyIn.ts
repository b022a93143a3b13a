import { Knex } from 'knex';

/**
 * Restricts `column` to a set of keys bound as ONE parameter (a JSON array on
 * SQLite, a text array on PostgreSQL), so a caller who may read tens of
 * thousands of entities neither hits the bind-parameter limit nor needs
 * chunked queries whose results would have to be merged.
 */
export function whereKeyIn(
  db: Knex,
  query: Knex.QueryBuilder,
  column: string,
  keys: ReadonlySet<string> | readonly string[],
): Knex.QueryBuilder {
  const list = [...keys];
  if (list.length === 0) {
    return query.whereRaw('1 = 0');
  }
  if (db.client.dialect === 'postgresql') {
    return query.whereRaw('?? = any(?::text[])', [column, list]);
  }
  return query.whereRaw('?? in (select value from json_each(?))', [
    column,
    JSON.stringify(list),
  ]);
}
