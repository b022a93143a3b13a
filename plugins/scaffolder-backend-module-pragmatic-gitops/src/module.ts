import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createPragmaticGitopsAnnotateAction } from './actions/annotate';

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
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(createPragmaticGitopsAnnotateAction());
      },
    });
  },
});
