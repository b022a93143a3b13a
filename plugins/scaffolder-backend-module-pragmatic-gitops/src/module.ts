import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createPragmaticGitopsAnnotateAction } from './actions/annotate';
import { createPragmaticGitopsBackportHotfixAction } from './actions/backportHotfix';
import { createPragmaticGitopsRecordHotfixAction } from './actions/recordHotfix';

/**
 * Scaffolder module that registers the Pragmatic GitOps actions.
 *
 * @public
 */
export const scaffolderModulePragmaticGitops = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'pragmatic-gitops',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, auth, discovery, config }) {
        scaffolder.addActions(
          createPragmaticGitopsAnnotateAction(),
          createPragmaticGitopsRecordHotfixAction({ auth, discovery, config }),
          createPragmaticGitopsBackportHotfixAction({ auth, discovery }),
        );
      },
    });
  },
});
