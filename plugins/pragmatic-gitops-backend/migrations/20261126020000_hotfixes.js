// @ts-check

/**
 * The hotfix ledger: changes applied by hand outside Git, and every event of
 * their life. Both tables are insert-only: nothing is ever updated or deleted.
 * The current status of a hotfix is the status of its latest event that has
 * one (`recorded` → pending-backport, then at most one of backported,
 * reverted or abandoned).
 *
 * Exactly-once rules are enforced by the database, so they hold across
 * backend replicas:
 * - one idempotency key per user (retries return the first record);
 * - each event type at most once per hotfix (recorded, drift-observed,
 *   overdue-notified, ...);
 * - at most one transition out of pending-backport (partial unique index,
 *   PostgreSQL and SQLite; other databases rely on the row lock taken by the
 *   application).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('hotfixes', table => {
    table.comment('Hotfixes applied outside Git; rows are never updated');
    table.bigIncrements('id').comment('Public id is HF-<id>');
    table.string('entity_ref', 255).notNullable();
    table.string('title', 255).notNullable();
    table.text('description').nullable();
    table.text('incident_url').nullable();
    table
      .string('applied_by', 255)
      .notNullable()
      .comment("The caller's user entity ref, never taken from the request");
    table.timestamp('applied_at', { useTz: true }).notNullable();
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table
      .text('changes')
      .notNullable()
      .comment('JSON: [{ kind, namespace?, name, paths? }]');
    table.string('idempotency_key', 255).nullable();
    table.unique(['applied_by', 'idempotency_key'], {
      indexName: 'hotfixes_idempotency_idx',
    });
    table.index(['entity_ref'], 'hotfixes_entity_ref_idx');
  });

  await knex.schema.createTable('hotfix_events', table => {
    table.comment('Every event of a hotfix; append-only');
    table.bigIncrements('id');
    table
      .bigInteger('hotfix_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('hotfixes');
    table.string('type', 32).notNullable();
    table
      .string('status', 32)
      .nullable()
      .comment('Status after this event; null when the status did not change');
    table.string('actor', 255).nullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.text('detail').nullable().comment('JSON');
    table.unique(['hotfix_id', 'type'], {
      indexName: 'hotfix_events_once_per_type_idx',
    });
    table.index(['type', 'hotfix_id'], 'hotfix_events_type_idx');
  });

  const dialect = knex.client.dialect;
  if (dialect === 'postgresql' || dialect === 'sqlite3') {
    await knex.schema.alterTable('hotfix_events', table => {
      table.unique(['hotfix_id'], {
        indexName: 'hotfix_events_one_transition_idx',
        predicate: knex.whereRaw(
          "status in ('backported', 'reverted', 'abandoned')",
        ),
      });
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('hotfix_events');
  await knex.schema.dropTable('hotfixes');
};
