// @ts-check

/**
 * The overview's totals (by track, status and finding) read from one
 * covering index. Without it SQLite reads every row to reach
 * `finding_codes`, stored after the large `detail`: tens of milliseconds
 * per overview request at a few thousand entities.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entity_status', table => {
    table.index(
      ['track', 'status', 'finding_codes'],
      'entity_status_totals_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entity_status', table => {
    table.dropIndex(
      ['track', 'status', 'finding_codes'],
      'entity_status_totals_idx',
    );
  });
};
