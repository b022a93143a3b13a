// @ts-check

/**
 * Notifications sent at most once per episode, across replicas: a notifier
 * inserts its claim before it sends, and the unique index lets exactly one
 * replica's insert succeed. Insert-only; rows are never updated.
 *
 * An episode is what one notification is about, e.g. one continuous period
 * of unexplained drift of an entity (subject: the entity ref, episode_at:
 * the time the drifted status began) or the revert of one hotfix (subject:
 * its id, episode_at: when it was reverted).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('notification_claims', table => {
    table.comment('One row per notification sent (or being sent); insert-only');
    table.bigIncrements('id');
    table
      .string('topic', 64)
      .notNullable()
      .comment('Notification topic, e.g. pragmatic-gitops-unexplained-drift');
    table
      .string('subject', 255)
      .notNullable()
      .comment('What it is about: a lower-cased entity ref or a hotfix id');
    table
      .timestamp('episode_at', { useTz: true })
      .notNullable()
      .comment('When the episode began, e.g. the drifted status since');
    table.timestamp('claimed_at', { useTz: true }).notNullable();
    table.unique(['topic', 'subject', 'episode_at'], {
      indexName: 'notification_claims_once_idx',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('notification_claims');
};
