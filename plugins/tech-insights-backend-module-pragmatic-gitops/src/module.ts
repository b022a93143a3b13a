import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createPragmaticGitopsFactRetriever } from './pragmaticGitopsFactRetriever';

/**
 * Adds the Pragmatic GitOps fact retriever to Tech Insights. Schedule it with
 * `techInsights.factRetrievers.pragmaticGitopsFactRetriever` in app-config.
 *
 * @public
 */
export const techInsightsModulePragmaticGitops = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'pragmatic-gitops',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: techInsightsFactRetrieversExtensionPoint,
        catalog: catalogServiceRef,
      },
      async init({ providers, catalog }) {
        providers.addFactRetrievers({
          pragmaticGitopsFactRetriever: createPragmaticGitopsFactRetriever({
            catalog,
          }),
        });
      },
    });
  },
});
