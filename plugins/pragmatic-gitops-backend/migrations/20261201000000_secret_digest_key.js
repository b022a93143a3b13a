// @ts-check

/**
 * The key of the keyed digests that stand in for secret values at rest,
 * generated once by the first replica when config names none. One row.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('secret_digest_key', table => {
    table.comment('HMAC key for digests of secret values (one row)');
    table.integer('id').primary().comment('Always 1');
    table.text('key').notNullable().comment('Base64 of 32 random bytes');
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('secret_digest_key');
};
