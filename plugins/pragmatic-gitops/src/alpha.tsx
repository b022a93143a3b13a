/**
 * Pragmatic GitOps for the new Backstage frontend system.
 *
 * @packageDocumentation
 */

import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  ExtensionDefinition,
  fetchApiRef,
  OverridableFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { pragmaticGitopsApiRef } from './api/PragmaticGitopsApi';
import { PragmaticGitopsClient } from './api/PragmaticGitopsClient';
import { isPragmaticGitopsAvailable } from './conditions';

/**
 * The client of the pragmatic-gitops backend.
 *
 * @alpha
 */
export const pragmaticGitopsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: pragmaticGitopsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PragmaticGitopsClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The deployment track card, shown on pages of entities that carry any
 * `pragmatic-gitops.io/*` annotation.
 *
 * Typed explicitly: the inferred type refers to a package nested inside
 * frontend-plugin-api, which declaration output cannot name.
 *
 * @alpha
 */
export const entityTrackCard: ExtensionDefinition = EntityCardBlueprint.make({
  name: 'track',
  params: {
    filter: isPragmaticGitopsAvailable,
    loader: () =>
      import('./components/EntityTrackCard').then(m => <m.EntityTrackCard />),
  },
});

/**
 * The Pragmatic GitOps frontend plugin for the new frontend system.
 *
 * @alpha
 */
const pragmaticGitopsPlugin: OverridableFrontendPlugin = createFrontendPlugin({
  pluginId: 'pragmatic-gitops',
  title: 'Pragmatic GitOps',
  extensions: [pragmaticGitopsApi, entityTrackCard],
});

export default pragmaticGitopsPlugin;
