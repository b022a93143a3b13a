// @ts-check

/**
 * One row per entity that has had a hotfix recorded, locked by every hotfix
 * insert of that entity for the length of its transaction: the open-hotfix
 * cap is counted and the hotfix inserted while no other replica can do the
 * same for the entity, so concurrent creates cannot overshoot the cap.
 * Holds no data besides the key; the ledger never reads it otherwise.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('hotfix_entity_locks', table => {
    table.comment(
      'Per-entity row locked while a hotfix of the entity is inserted',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Lower-cased entity ref, as in hotfixes.entity_ref');
    table
      .timestamp('locked_at', { useTz: true })
      .notNullable()
      .comment('When a hotfix insert last took the lock');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('hotfix_entity_locks');
};
