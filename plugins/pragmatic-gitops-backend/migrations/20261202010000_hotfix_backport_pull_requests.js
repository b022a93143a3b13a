// @ts-check

/**
 * Back-port pull requests opened from hotfixes, so that a second request (on
 * any replica) returns the still-open one instead of opening another.
 * Insert-only like the rest of the ledger: when an earlier pull request was
 * closed and a new one opened, the newest row is the one that counts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('hotfix_backport_pull_requests', table => {
    table.comment('Back-port pull requests opened from hotfixes; append-only');
    table.bigIncrements('id');
    table
      .bigInteger('hotfix_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('hotfixes');
    table
      .string('repository', 512)
      .notNullable()
      .comment('<host>/<owner>/<repo> or <host>/<group>/<project>');
    table.text('url').notNullable();
    table.integer('number').notNullable();
    table.string('branch', 255).notNullable();
    table.string('opened_by', 255).notNullable();
    table.timestamp('opened_at', { useTz: true }).notNullable();
    table.index(['hotfix_id'], 'hotfix_backport_pull_requests_hotfix_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('hotfix_backport_pull_requests');
};
