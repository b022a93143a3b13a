import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { readScheduleConfig } from './config';
import { PragmaticGitopsCollatorFactory } from './PragmaticGitopsCollatorFactory';

/**
 * Indexes each tracked entity's track and drift status into Backstage
 * search (document type `pragmatic-gitops`). Schedule it with
 * `search.collators.pragmaticGitops.schedule`.
 *
 * @public
 */
export const searchModulePragmaticGitops = createBackendModule({
  pluginId: 'search',
  moduleId: 'pragmatic-gitops-collator',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        auth,
        config,
        discovery,
        logger,
        scheduler,
        indexRegistry,
      }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(
            readScheduleConfig(config),
          ),
          factory: PragmaticGitopsCollatorFactory.fromConfig(config, {
            auth,
            discovery,
            logger,
          }),
        });
      },
    });
  },
});
