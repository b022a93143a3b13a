import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { EntityStatusStore } from './database/EntityStatusStore';
import { migrateDatabase } from './database/migrateDatabase';
import { createRouter } from './service/createRouter';
import { EntityStatusService } from './service/EntityStatusService';

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
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
      },
      async init({ database, httpAuth, httpRouter, catalog }) {
        const db = await migrateDatabase(database);
        const store = new EntityStatusStore(db);
        const entityStatus = new EntityStatusService(catalog, store);

        httpRouter.use(await createRouter({ httpAuth, db, entityStatus }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
