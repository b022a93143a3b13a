import { TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { Knex } from 'knex';
import { migrationsDir } from '../database/migrateDatabase';

jest.setTimeout(60_000);

const migrationFiles = fs
  .readdirSync(migrationsDir)
  .filter(file => file.endsWith('.js'))
  .sort();

/** Applies migrations one at a time, as an upgrade from any release would. */
async function migrateUpTo(knex: Knex, file: string) {
  await knex.migrate.up({ directory: migrationsDir, name: file });
}

/**
 * Constraint violations, matched by message: SQLite's errors may come from
 * another realm under Jest, where `toThrow()` does not recognise them.
 */
const UNIQUE = { message: expect.stringMatching(/unique/i) };
const FOREIGN_KEY = { message: expect.stringMatching(/foreign key/i) };

/** One stored status, as the first migration defines it. */
function statusRow() {
  return {
    entity_ref: 'component:default/payments-api',
    track: 'declarative',
    status: 'drifted',
    since: new Date(),
    checked_at: new Date(),
    detail: '{}',
  };
}

async function migrateDownOnce(knex: Knex) {
  await knex.migrate.down({ directory: migrationsDir });
}

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'steps every migration up and down on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      for (const file of migrationFiles) {
        await migrateUpTo(knex, file);
      }
      await knex('entity_status').insert(statusRow());
      await expect(knex('entity_status').count({ n: '*' })).resolves.toEqual([
        { n: expect.anything() },
      ]);

      for (const _ of migrationFiles) {
        await migrateDownOnce(knex);
      }
      await expect(knex.schema.hasTable('entity_status')).resolves.toBe(false);
      await expect(knex.schema.hasTable('status_transitions')).resolves.toBe(
        false,
      );
      await expect(knex.schema.hasTable('hotfixes')).resolves.toBe(false);
      await expect(knex.schema.hasTable('hotfix_events')).resolves.toBe(false);
      await expect(
        knex.schema.hasTable('hotfix_backport_pull_requests'),
      ).resolves.toBe(false);
      await expect(knex.schema.hasTable('notification_claims')).resolves.toBe(
        false,
      );
      await expect(knex.schema.hasTable('hotfix_entity_locks')).resolves.toBe(
        false,
      );

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'makes the hotfix ledger enforce its only-once rules on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const hotfixMigration = '20261126020000_hotfixes.js';
      for (const file of migrationFiles.filter(f => f <= hotfixMigration)) {
        await migrateUpTo(knex, file);
      }

      const hotfix = (key: string | null) => ({
        entity_ref: 'component:default/payments-api',
        title: 'Raise replicas',
        applied_by: 'user:default/alice',
        applied_at: new Date(),
        recorded_at: new Date(),
        changes: '[]',
        idempotency_key: key,
      });
      const [first] = await knex('hotfixes').insert(hotfix('k1'), ['id']);
      const id = Number(first.id ?? first);
      // Without a key, any number of rows; with one, once per user.
      await knex('hotfixes').insert(hotfix(null));
      await knex('hotfixes').insert(hotfix(null));
      await knex('hotfixes').insert({
        ...hotfix('k1'),
        applied_by: 'user:default/bob',
      });
      await expect(knex('hotfixes').insert(hotfix('k1'))).rejects.toMatchObject(
        UNIQUE,
      );

      const event = (type: string, status: string | null) => ({
        hotfix_id: id,
        type,
        status,
        actor: null,
        at: new Date(),
        detail: null,
      });
      await knex('hotfix_events').insert(event('recorded', 'pending-backport'));
      await knex('hotfix_events').insert(event('drift-observed', null));
      await expect(
        knex('hotfix_events').insert(event('drift-observed', null)),
      ).rejects.toMatchObject(UNIQUE);
      await knex('hotfix_events').insert(event('backported', 'backported'));
      // At most one transition out of pending-backport.
      await expect(
        knex('hotfix_events').insert(event('abandoned', 'abandoned')),
      ).rejects.toMatchObject(UNIQUE);
      await expect(
        knex('hotfix_events').insert({
          ...event('recorded', 'pending-backport'),
          hotfix_id: 999999,
        }),
      ).rejects.toMatchObject(FOREIGN_KEY);

      await migrateDownOnce(knex);
      await expect(knex.schema.hasTable('hotfix_events')).resolves.toBe(false);
      await expect(knex.schema.hasTable('hotfixes')).resolves.toBe(false);
      await expect(knex.schema.hasTable('entity_status')).resolves.toBe(true);
      await migrateUpTo(knex, hotfixMigration);
      const [{ n }] = await knex('hotfixes').count({ n: '*' });
      expect(Number(n)).toBe(0);

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'adds changed_by_hand, false for existing statuses, and drops it on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const migration = '20261202070000_changed_by_hand.js';
      for (const file of migrationFiles.filter(f => f < migration)) {
        await migrateUpTo(knex, file);
      }
      await knex('entity_status').insert(statusRow());

      await migrateUpTo(knex, migration);
      const [row] = await knex('entity_status').select('changed_by_hand');
      expect(Boolean(row.changed_by_hand)).toBe(false);
      await knex('entity_status').update({ changed_by_hand: true });
      const [{ n }] = await knex('entity_status')
        .where('changed_by_hand', true)
        .count({ n: '*' });
      expect(Number(n)).toBe(1);

      await knex.migrate.down({ directory: migrationsDir, name: migration });
      await expect(
        knex.schema.hasColumn('entity_status', 'changed_by_hand'),
      ).resolves.toBe(false);

      await knex.destroy();
    },
  );
});
