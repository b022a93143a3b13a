import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { pragmaticGitopsPermissions } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import path from 'node:path';
import { readPluginSettings } from './config';
import { EntityStatusStore } from './database/EntityStatusStore';
import { migrateDatabase } from './database/migrateDatabase';
import { OverviewStore } from './database/OverviewStore';
import { DesiredStateReader } from './desired/DesiredStateReader';
import { ObservationProvider } from './live/ObservationProvider';
import { ObservationDirectory } from './observations/ObservationDirectory';
import { ObservationStore } from './observations/ObservationStore';
import { ArgoCdProvider } from './providers/argocd/ArgoCdProvider';
import { VaultSecretResolver } from './providers/vault';
import { DriftScanner } from './scan/DriftScanner';
import { EntityScanner } from './scan/EntityScanner';
import { createRouter } from './service/createRouter';
import { EntityStatusService } from './service/EntityStatusService';
import { ObservationService } from './service/ObservationService';

/**
 * The Pragmatic GitOps backend plugin: wiring only.
 *
 * @public
 */
export const pragmaticGitopsPlugin = createBackendPlugin({
  pluginId: 'pragmatic-gitops',
  register(env) {
    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const settings = readPluginSettings(config);
        const db = await migrateDatabase(deps.database);
        deps.permissionsRegistry.addPermissions(pragmaticGitopsPermissions);

        const store = new EntityStatusStore(db);
        const observationStore = new ObservationStore(db);
        const scanner = new EntityScanner({
          desiredReader: new DesiredStateReader(deps.urlReader),
          providers: [
            ArgoCdProvider.fromConfig(config, { logger }),
            new ObservationProvider(observationStore),
          ],
          secretResolver: VaultSecretResolver.fromConfig(config, { logger }),
          store,
          settings,
          logger,
        });
        const entityStatus = new EntityStatusService({
          catalog: deps.catalog,
          store,
          scanner,
          permissions: deps.permissions,
        });
        const observationDirectory = settings.observationsDirectory
          ? new ObservationDirectory(
              path.resolve(settings.observationsDirectory),
              observationStore,
              logger,
            )
          : undefined;
        const driftScanner = new DriftScanner({
          catalog: deps.catalog,
          auth: deps.auth,
          scanner,
          logger,
          observationDirectory,
          concurrency: settings.scan.concurrency,
        });

        await observationDirectory?.load();
        await scheduler.scheduleTask({
          id: 'pragmatic-gitops-drift-scan',
          scope: 'global',
          frequency: settings.scan.frequency,
          timeout: settings.scan.timeout,
          initialDelay: { seconds: 15 },
          fn: async () => {
            await driftScanner.scanAll();
          },
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            db,
            entityStatus,
            observations: new ObservationService({
              observations: observationStore,
              entityStatus,
            }),
            overview: new OverviewStore(db),
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
