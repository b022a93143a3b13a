// @ts-check

/**
 * The finding codes of each entity's latest status, so the overview can
 * count secrets in Git and mis-tracked services without reading details.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entity_status', table => {
    table
      .text('finding_codes')
      .nullable()
      .comment('Space-separated finding codes');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entity_status', table => {
    table.dropColumn('finding_codes');
  });
};
