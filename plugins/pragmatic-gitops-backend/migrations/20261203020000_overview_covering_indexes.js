// @ts-check

/**
 * SQLite only: the overview answered from two covering indexes instead of
 * the table. SQLite keeps each row's large `detail` in the table's own
 * pages (PostgreSQL moves it out of line), and `finding_codes` and
 * `changed_by_hand` come after it, so filtering on the entities a caller may
 * read or on an owner walked every row's overflow pages: about 100 ms per
 * overview at 10,000 entities. One index leads with `entity_ref` (the
 * readable set), one with `owner`; both hold every column the overview
 * reads. Not on PostgreSQL, where rows stay small and a long `reason` could
 * exceed a B-tree entry's size limit.
 */
const COLUMNS = [
  'track',
  'status',
  'since',
  'title',
  'reason',
  'finding_codes',
  'changed_by_hand',
];

const INDEXES = {
  entity_status_ref_overview_idx: ['entity_ref', 'owner', ...COLUMNS],
  entity_status_owner_overview_idx: ['owner', 'entity_ref', ...COLUMNS],
};

/** @param {import('knex').Knex} knex */
const isSqlite = knex => knex.client.dialect === 'sqlite3';

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  if (!isSqlite(knex)) return;
  await knex.schema.alterTable('entity_status', table => {
    for (const [name, columns] of Object.entries(INDEXES)) {
      table.index(columns, name);
    }
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (!isSqlite(knex)) return;
  await knex.schema.alterTable('entity_status', table => {
    for (const [name, columns] of Object.entries(INDEXES)) {
      table.dropIndex(columns, name);
    }
  });
};
