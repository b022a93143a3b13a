// @ts-check

/**
 * Stored drift summaries (one row per tracked entity, served by the overview
 * without recomputation) and the history of status changes ("drifted for 3
 * days", time-to-reconcile).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('entity_status', table => {
    table.comment('Latest computed Pragmatic GitOps status per catalog entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('track', 32).nullable();
    table.string('status', 32).notNullable();
    table.text('reason').nullable();
    table.string('owner', 255).nullable();
    table.string('title', 255).nullable();
    table.timestamp('since', { useTz: true }).notNullable();
    table.timestamp('checked_at', { useTz: true }).notNullable();
    table.text('detail').notNullable().comment('JSON: resources and findings');
    table.index(['track', 'status'], 'entity_status_track_status_idx');
    table.index(['owner'], 'entity_status_owner_idx');
  });

  await knex.schema.createTable('status_transitions', table => {
    table.comment('Every change of an entity status, never updated or deleted');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('from_status', 32).nullable();
    table.string('to_status', 32).notNullable();
    table.text('reason').nullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'at'], 'status_transitions_entity_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('status_transitions');
  await knex.schema.dropTable('entity_status');
};
