// @ts-check

/**
 * Whether an entity's latest drift was changed by hand (a field manager that
 * is not a GitOps one), so the overview can filter on it without details.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entity_status', table => {
    table
      .boolean('changed_by_hand')
      .notNullable()
      .defaultTo(false)
      .comment('A difference was made by a non-GitOps field manager');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entity_status', table => {
    table.dropColumn('changed_by_hand');
  });
};
