/**
 * Pragmatic GitOps for the new Backstage frontend system.
 *
 * @packageDocumentation
 */

import SyncIcon from '@material-ui/icons/Sync';
import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  ExtensionDefinition,
  fetchApiRef,
  OverridableFrontendPlugin,
  PageBlueprint,
  RouteRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
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
 * The route of the fleet overview page in the new frontend system.
 *
 * @alpha
 */
export const fleetRouteRef: RouteRef = createRouteRef();

/**
 * The compact drift card for entity overview pages.
 *
 * @alpha
 */
export const entityDriftCard: ExtensionDefinition = EntityCardBlueprint.make({
  name: 'drift',
  params: {
    filter: isPragmaticGitopsAvailable,
    loader: () =>
      import('./components/EntityDriftCard').then(m => <m.EntityDriftCard />),
  },
});

/**
 * The hotfixes card for entity overview pages.
 *
 * @alpha
 */
export const entityHotfixesCard: ExtensionDefinition = EntityCardBlueprint.make(
  {
    name: 'hotfixes',
    params: {
      filter: isPragmaticGitopsAvailable,
      loader: () =>
        import('./components/HotfixList').then(m => <m.EntityHotfixesCard />),
    },
  },
);

/**
 * The secret references card for entity overview pages.
 *
 * @alpha
 */
export const entitySecretRefsCard: ExtensionDefinition =
  EntityCardBlueprint.make({
    name: 'secret-refs',
    params: {
      filter: isPragmaticGitopsAvailable,
      loader: () =>
        import('./components/SecretRefsCard').then(m => (
          <m.EntitySecretRefsCard />
        )),
    },
  });

/**
 * The entity "GitOps" tab, at `gitops` under the entity page.
 *
 * @alpha
 */
export const entityGitopsContent: ExtensionDefinition =
  EntityContentBlueprint.make({
    name: 'gitops',
    params: {
      path: 'gitops',
      title: 'GitOps',
      filter: isPragmaticGitopsAvailable,
      loader: () =>
        import('./components/EntityDriftContent').then(m => (
          <m.EntityDriftContent />
        )),
    },
  });

/**
 * The fleet overview page at `/pragmatic-gitops`. Its title and icon also
 * give it a navigation item. The page brings its own header.
 *
 * @alpha
 */
export const fleetOverviewPage: ExtensionDefinition = PageBlueprint.make({
  params: {
    path: '/pragmatic-gitops',
    title: 'Pragmatic GitOps',
    icon: <SyncIcon fontSize="inherit" />,
    routeRef: fleetRouteRef,
    noHeader: true,
    loader: () =>
      import('./components/FleetOverviewPage').then(m => (
        <m.FleetOverviewPage />
      )),
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
  icon: <SyncIcon fontSize="inherit" />,
  routes: { root: fleetRouteRef },
  extensions: [
    pragmaticGitopsApi,
    entityTrackCard,
    entityDriftCard,
    entityHotfixesCard,
    entitySecretRefsCard,
    entityGitopsContent,
    fleetOverviewPage,
  ],
});

export default pragmaticGitopsPlugin;
