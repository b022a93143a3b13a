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
      await knex('entity_status').insert({
        entity_ref: 'component:default/payments-api',
        track: 'declarative',
        status: 'drifted',
        since: new Date(),
        checked_at: new Date(),
        detail: '{}',
      });
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

      await knex.destroy();
    },
  );
});
