import { Knex } from 'knex';

/**
 * A select column `tracked_since`: when the product began tracking the
 * entity in `refColumn`, its first status transition. Read by the indexed
 * (entity_ref, at) range, so a page of the overview stays cheap.
 */
export function trackedSinceColumn(
  db: Knex,
  refColumn: string,
): Knex.QueryBuilder {
  return db('status_transitions as first_transition')
    .min('first_transition.at')
    .where('first_transition.entity_ref', db.ref(refColumn))
    .as('tracked_since');
}

/** The column as a Date; SQLite answers numbers or strings, PostgreSQL Dates. */
export function trackedSinceOf(row: {
  tracked_since?: Date | string | number | null;
}): Date | undefined {
  const value = row.tracked_since;
  if (value === undefined || value === null) return undefined;
  return value instanceof Date ? value : new Date(value);
}
