// @ts-check

/**
 * The overview filtered by one status (`?status=drifted`, the fleet page's
 * usual view) pages in `since` order. With this index the database reads
 * just the page's rows instead of every entity and a sort.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entity_status', table => {
    table.index(
      ['status', 'since', 'entity_ref'],
      'entity_status_status_since_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entity_status', table => {
    table.dropIndex(
      ['status', 'since', 'entity_ref'],
      'entity_status_status_since_idx',
    );
  });
};
