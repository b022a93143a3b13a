// @ts-check

/**
 * Live state pushed by agents or read from the observation directory, one
 * row per entity and source (the latest wins). Secret values are redacted
 * before a row is written.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('observations', table => {
    table.comment('Latest live-state observation per entity and source');
    table.string('entity_ref', 255).notNullable();
    table.string('source', 255).notNullable();
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table
      .text('payload')
      .notNullable()
      .comment('JSON: objects, terraformPlan, migrations');
    table.primary(['entity_ref', 'source']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('observations');
};
