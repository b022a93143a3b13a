import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { pragmaticGitopsApiRef } from './api/PragmaticGitopsApi';
import { PragmaticGitopsClient } from './api/PragmaticGitopsClient';

/**
 * The Pragmatic GitOps frontend plugin, for apps on the legacy frontend
 * system. Apps on the new frontend system use the `./alpha` export instead.
 *
 * @public
 */
export const pragmaticGitopsPlugin = createPlugin({
  id: 'pragmatic-gitops',
  apis: [
    createApiFactory({
      api: pragmaticGitopsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PragmaticGitopsClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * Entity page card showing the entity's deployment track and what is wrong
 * with its Pragmatic GitOps annotations.
 *
 * @public
 */
export const EntityTrackCard = pragmaticGitopsPlugin.provide(
  createComponentExtension({
    name: 'EntityTrackCard',
    component: {
      lazy: () =>
        import('./components/EntityTrackCard').then(m => m.EntityTrackCard),
    },
  }),
);
