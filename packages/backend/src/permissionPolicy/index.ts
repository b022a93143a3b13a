import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { PragmaticGitopsPolicy } from './PragmaticGitopsPolicy';

/**
 * Installs {@link PragmaticGitopsPolicy}. `permission.pragmaticGitops.platformGroups`
 * lists the group refs (e.g. `group:default/team-platform`) that may record
 * hotfixes and refresh on every entity.
 */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'pragmatic-gitops-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(
          new PragmaticGitopsPolicy(
            config.getOptionalStringArray(
              'permission.pragmaticGitops.platformGroups',
            ) ?? [],
          ),
        );
      },
    });
  },
});
