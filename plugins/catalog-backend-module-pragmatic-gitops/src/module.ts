import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { PragmaticGitopsAnnotationProcessor } from './PragmaticGitopsAnnotationProcessor';

/**
 * Catalog module that validates Pragmatic GitOps annotations.
 *
 * @public
 */
export const catalogModulePragmaticGitops = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'pragmatic-gitops',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ catalog, logger }) {
        catalog.addProcessor(new PragmaticGitopsAnnotationProcessor(logger));
      },
    });
  },
});
