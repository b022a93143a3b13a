import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { Duration } from 'luxon';
import { migrationsDir } from '../../database/migrateDatabase';
import { HotfixService } from '../HotfixService';
import { ledgerEntities } from './fixtures';

/** Migrates a fresh test database and builds services ("replicas") on it. */
export async function ledgerTestDb(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  const knex: Knex = await databases.init(databaseId);
  await knex.migrate.latest({ directory: migrationsDir });
  const logger = mockServices.logger.mock();
  const replica = (
    options: {
      entities?: Entity[];
      permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
      notifications?: NotificationService;
      backportSla?: Duration;
    } = {},
  ) =>
    new HotfixService({
      db: knex,
      catalog: catalogServiceMock({
        entities: options.entities ?? ledgerEntities,
      }),
      permissions: mockServices.permissions({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      logger,
      notifications: options.notifications,
      backportSla: options.backportSla,
    });
  return { knex, logger, replica };
}
