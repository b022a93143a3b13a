import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { pragmaticGitopsPermissions } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { pragmaticGitopsProvidersExtensionPoint } from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import path from 'node:path';
import { registerGitopsActions } from './actions';
import { BackportPullRequestStore } from './backport/BackportPullRequestStore';
import { BackportService } from './backport/BackportService';
import { liveObserver } from './backport/liveObserver';
import { createPullRequestOpeners } from './backport/scm/createPullRequestOpeners';
import { readPluginSettings } from './config';
import { EntityStatusStore } from './database/EntityStatusStore';
import { migrateDatabase } from './database/migrateDatabase';
import { OverviewStore } from './database/OverviewStore';
import { DemoTimeline } from './demo/DemoTimeline';
import { DesiredStateReader } from './desired/DesiredStateReader';
import { HotfixService } from './ledger';
import { EntityAccess } from './ledger/EntityAccess';
import { HotfixLedgerReconciler } from './ledger/HotfixLedgerReconciler';
import { HotfixStore } from './ledger/HotfixStore';
import { NotificationClaims } from './notifications/NotificationClaims';
import { RevertNotifier } from './notifications/RevertNotifier';
import {
  readUnexplainedDriftAfter,
  UnexplainedDriftNotifier,
} from './notifications/UnexplainedDriftNotifier';
import { ObservationDirectory } from './observations/ObservationDirectory';
import { ObservationStore } from './observations/ObservationStore';
import {
  keyedSecretDigest,
  loadSecretDigestKey,
} from './observations/secretDigest';
import { addBuiltInProviders } from './providers/addBuiltInProviders';
import { ProviderRegistry } from './providers/ProviderRegistry';
import { DriftScanner } from './scan/DriftScanner';
import { EntityScanner } from './scan/EntityScanner';
import { EntityStatusSignals } from './signals/EntityStatusSignals';
import { createRouter } from './service/createRouter';
import { EntityStatusService } from './service/EntityStatusService';
import { EntityStatusSummaries } from './service/EntityStatusSummaries';
import { ObservationService } from './service/ObservationService';
import { ReadableEntities } from './service/ReadableEntities';

/**
 * The Pragmatic GitOps backend plugin: wiring only.
 *
 * @public
 */
export const pragmaticGitopsPlugin = createBackendPlugin({
  pluginId: 'pragmatic-gitops',
  register(env) {
    const providers = new ProviderRegistry();
    env.registerExtensionPoint(
      pragmaticGitopsProvidersExtensionPoint,
      providers,
    );
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
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler, catalog, auth } = deps;
        const settings = readPluginSettings(config);
        const db = await migrateDatabase(deps.database);
        deps.permissionsRegistry.addPermissions(pragmaticGitopsPermissions);

        const store = new EntityStatusStore(db);
        const secretDigest = keyedSecretDigest(
          await loadSecretDigestKey(config, db),
        );
        const observationStore = new ObservationStore(db, secretDigest);
        addBuiltInProviders(providers, {
          config,
          logger,
          catalog,
          auth,
          observationStore,
          secretDigest,
        });
        const statusSignals = new EntityStatusSignals({
          signals: deps.signals,
          store,
          logger,
        });
        const hotfixes = HotfixService.fromConfig(config, {
          db,
          catalog,
          permissions: deps.permissions,
          logger,
          notifications: deps.notifications,
          listener: statusSignals,
        });
        const desiredReader = new DesiredStateReader(deps.urlReader, {
          localSourceRoots: settings.localSourceRoots,
        });
        const scanner = new EntityScanner({
          secretDigest,
          desiredReader,
          providers: providers.liveStateProviders,
          secretResolvers: providers.secretResolvers,
          ledger: new HotfixLedgerReconciler({
            hotfixes,
            commitFinders: providers.backportCommitFinders,
            logger,
          }),
          store,
          settings,
          logger,
          listener: statusSignals,
        });
        const entityStatus = new EntityStatusService({
          catalog,
          store,
          scanner,
          permissions: deps.permissions,
          hotfixes,
          catalogReadTtlMs: settings.catalogReadCacheTtlMs,
        });
        const observationsDirectory = settings.observationsDirectory
          ? path.resolve(settings.observationsDirectory)
          : undefined;
        const observationDirectory = observationsDirectory
          ? new ObservationDirectory(
              observationsDirectory,
              observationStore,
              logger,
            )
          : undefined;
        const driftScanner = new DriftScanner({
          catalog,
          auth,
          scanner,
          logger,
          observationDirectory,
          concurrency: settings.scan.concurrency,
          checkDatabase: () => db.raw('select 1'),
        });
        const timeline =
          settings.demoTimeline && observationsDirectory
            ? new DemoTimeline({
                file: path.resolve(settings.demoTimeline),
                observationsDirectory,
                hotfixes,
                observations: observationStore,
                scanner,
                catalog,
                auth,
                logger,
              })
            : undefined;
        let timelinePending = Boolean(timeline);

        const claims = new NotificationClaims(db);
        const notifyDeps = {
          claims,
          logger,
          notifications: deps.notifications,
          now: () => new Date(),
        };
        const revertNotifier = new RevertNotifier({
          ...notifyDeps,
          store: new HotfixStore(db),
        });
        const driftNotifier = new UnexplainedDriftNotifier({
          ...notifyDeps,
          db,
          after: readUnexplainedDriftAfter(config),
        });

        await observationDirectory?.load();
        await scheduler.scheduleTask({
          id: 'pragmatic-gitops-drift-scan',
          scope: 'global',
          frequency: settings.scan.frequency,
          timeout: settings.scan.timeout,
          initialDelay: { seconds: 10 },
          fn: async signal => {
            if (timelinePending) {
              timelinePending =
                (await timeline!.replay()) === 'catalog-not-ready';
            }
            await driftScanner.scanAll(signal);
          },
        });
        await scheduler.scheduleTask({
          id: 'pragmatic-gitops-hotfix-overdue',
          scope: 'global',
          frequency: settings.overdueCheckFrequency,
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await hotfixes.notifyOverdue();
            await revertNotifier.notifyReverted();
            await driftNotifier.notifyUnexplainedDrift();
          },
        });

        const overview = new OverviewStore(db);
        const readableEntities = new ReadableEntities(
          catalog,
          deps.permissions,
          { ttlMs: settings.catalogReadCacheTtlMs },
        );
        registerGitopsActions(deps.actionsRegistry, {
          entityStatus,
          overview,
          readableEntities,
          hotfixes,
          auditor: deps.auditor,
          logger,
          recompute: (entityRef, credentials) =>
            entityStatus.recompute(entityRef, credentials),
          auth,
          appBaseUrl: config.getOptionalString('app.baseUrl'),
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            db,
            entityStatus,
            summaries: new EntityStatusSummaries({ catalog, overview }),
            observations: new ObservationService({
              observations: observationStore,
              entityStatus,
              access: new EntityAccess(catalog, deps.permissions),
            }),
            overview,
            hotfixes,
            readableEntities,
            logger,
            backports: new BackportService({
              hotfixes,
              access: new EntityAccess(catalog, deps.permissions),
              desiredReader,
              observeLive: liveObserver(scanner, secretDigest),
              secretDigest,
              ignoreDefaults: settings.ignoreDefaults,
              gitopsFieldManagers: settings.gitopsFieldManagers,
              pullRequests: new BackportPullRequestStore(db),
              openers: createPullRequestOpeners(config, { logger }),
              appBaseUrl: config.getOptionalString('app.baseUrl'),
              backendBaseUrl: config.getOptionalString('backend.baseUrl'),
            }),
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
