import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PermissionEvaluator,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { migrateDatabase } from '../../database/migrateDatabase';
import { createOpenApiRouter } from '../../schema/openapi/generated';
import { registerHotfixAuditRoutes } from '../../service/hotfixAuditRoutes';
import { registerHotfixRoutes } from '../../service/hotfixRoutes';
import { ReadableEntities } from '../../service/ReadableEntities';
import { BackportService } from '../../backport/BackportService';
import { EntityAccess } from '../EntityAccess';
import { HotfixService } from '../HotfixService';
import { ledgerEntities } from './fixtures';

/** An auditor whose events share one success and one fail spy. */
export function mockAuditor() {
  const success = jest.fn(async () => {});
  const fail = jest.fn(async () => {});
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => ({ success, fail })),
  });
  return { auditor, success, fail };
}

/**
 * A backend with only the hotfix routes mounted on the plugin's typed,
 * validating router, the way the plugin mounts them. Permissions named in
 * `deny` are denied, everything else allowed.
 */
export async function startHotfixBackend(options: {
  knex: Knex;
  entities?: Entity[];
  deny?: string[];
  config?: JsonObject;
  auditor?: ReturnType<typeof mockAuditor>['auditor'];
  /** Builds the back-port generator; without it, generating answers 501. */
  backports?: (deps: {
    db: Knex;
    hotfixes: HotfixService;
    access: EntityAccess;
  }) => BackportService;
}) {
  let hotfixes: HotfixService | undefined;
  const plugin = createBackendPlugin({
    pluginId: 'pragmatic-gitops',
    register(env) {
      env.registerInit({
        deps: {
          auditor: coreServices.auditor,
          config: coreServices.rootConfig,
          database: coreServices.database,
          httpAuth: coreServices.httpAuth,
          httpRouter: coreServices.httpRouter,
          logger: coreServices.logger,
          permissions: coreServices.permissions,
          catalog: catalogServiceRef,
        },
        async init(deps) {
          const db = await migrateDatabase(deps.database);
          hotfixes = HotfixService.fromConfig(deps.config, {
            db,
            catalog: deps.catalog,
            permissions: deps.permissions,
            logger: deps.logger,
          });
          const router = await createOpenApiRouter();
          registerHotfixAuditRoutes(router, {
            httpAuth: deps.httpAuth,
            db,
            readableEntities: new ReadableEntities(
              deps.catalog,
              deps.permissions,
            ),
          });
          registerHotfixRoutes(router, {
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            hotfixes,
            logger: deps.logger,
            backports: options.backports?.({
              db,
              hotfixes,
              access: new EntityAccess(deps.catalog, deps.permissions),
            }),
          });
          deps.httpRouter.use(router);
        },
      });
    },
  });
  const deny = options.deny ?? [];
  const authorize: PermissionEvaluator['authorize'] = async requests =>
    requests.map(request => ({
      result: deny.includes(request.permission.name)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    }));
  const { server } = await startTestBackend({
    features: [
      plugin,
      catalogServiceMock.factory({
        entities: options.entities ?? ledgerEntities,
      }),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.permissions.mock({
        authorize: jest.fn(authorize),
        authorizeConditional: jest.fn(
          async (requests: Array<{ permission: { name: string } }>) =>
            requests.map(request => ({
              result: deny.includes(request.permission.name)
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
            })),
        ) as any,
      }).factory,
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      (options.auditor ?? mockAuditor().auditor).factory,
    ],
  });
  return { server, hotfixes: hotfixes! };
}

/** Authorization header of a signed-in user. */
export const userHeader = (ref = 'user:default/alice') =>
  mockCredentials.user.header(ref);

/** Authorization header of a backend service. */
export const serviceHeader = () => mockCredentials.service.header();
