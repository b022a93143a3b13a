import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { GITOPS_SEARCH_TYPE } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { pragmaticGitopsApiRef } from './api/PragmaticGitopsApi';
import { PragmaticGitopsClient } from './api/PragmaticGitopsClient';
import { rootRouteRef } from './routes';
import type { EntityDriftCardProps } from './components/EntityDriftCard';
import type { EntityHotfixesCardProps } from './components/HotfixList';
import type { EntitySecretRefsCardProps } from './components/SecretRefsCard';
import type { EntityTrackCardProps } from './components/EntityTrackCard';
import type { FleetOverviewPageProps } from './components/FleetOverviewPage';
import type { GitopsSearchResultListItemProps } from './components/GitopsSearchResultListItem';

// The extensions are typed by their props: the inferred types would name the
// lazily loaded components, which the package does not export.

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
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The fleet overview page: counts by track and drift status and every
 * tracked entity, filtered by track, status and owner.
 *
 * @public
 */
export const PragmaticGitopsPage: (
  props: FleetOverviewPageProps,
) => JSX.Element = pragmaticGitopsPlugin.provide(
  createRoutableExtension({
    name: 'PragmaticGitopsPage',
    component: () =>
      import('./components/FleetOverviewPage').then(m => m.FleetOverviewPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The entity "GitOps" tab: drift status, resources and fields that differ
 * from Git, pending changes, findings and status history.
 *
 * @public
 */
export const EntityPragmaticGitopsContent: () => JSX.Element =
  pragmaticGitopsPlugin.provide(
    createComponentExtension({
      name: 'EntityPragmaticGitopsContent',
      component: {
        lazy: () =>
          import('./components/EntityDriftContent').then(
            m => m.EntityDriftContent,
          ),
      },
    }),
  );

/**
 * Compact entity overview card: drift status, since when, how many
 * resources are off, and a link to the GitOps tab.
 *
 * @public
 */
export const EntityDriftCard: (props: EntityDriftCardProps) => JSX.Element =
  pragmaticGitopsPlugin.provide(
    createComponentExtension({
      name: 'EntityDriftCard',
      component: {
        lazy: () =>
          import('./components/EntityDriftCard').then(m => m.EntityDriftCard),
      },
    }),
  );

/**
 * Entity page card showing the entity's deployment track and what is wrong
 * with its Pragmatic GitOps annotations.
 *
 * @public
 */
export const EntityTrackCard: (props: EntityTrackCardProps) => JSX.Element =
  pragmaticGitopsPlugin.provide(
    createComponentExtension({
      name: 'EntityTrackCard',
      component: {
        lazy: () =>
          import('./components/EntityTrackCard').then(m => m.EntityTrackCard),
      },
    }),
  );

/**
 * Entity page card: the entity's hotfixes, open ones first, with status,
 * overdue back-ports, the reverted and overdue alarms, and "Mark
 * back-ported" / "Abandon" on open ones.
 *
 * @public
 */
export const EntityHotfixesCard: (
  props: EntityHotfixesCardProps,
) => JSX.Element = pragmaticGitopsPlugin.provide(
  createComponentExtension({
    name: 'EntityHotfixesCard',
    component: {
      lazy: () =>
        import('./components/HotfixList').then(m => m.EntityHotfixesCard),
    },
  }),
);

/**
 * Entity page card: the secrets the entity references (store, key,
 * property, what declares them, who uses them) and whether each exists in
 * its store. Never a value.
 *
 * @public
 */
export const EntitySecretRefsCard: (
  props: EntitySecretRefsCardProps,
) => JSX.Element = pragmaticGitopsPlugin.provide(
  createComponentExtension({
    name: 'EntitySecretRefsCard',
    component: {
      lazy: () =>
        import('./components/SecretRefsCard').then(m => m.EntitySecretRefsCard),
    },
  }),
);

/**
 * Search result list item for `pragmatic-gitops` documents (the search
 * collator module's): the entity, its drift status and track, linking to its
 * GitOps tab. Place it inside `<SearchResult>`.
 *
 * @public
 */
export const GitopsSearchResultListItem: (
  props: GitopsSearchResultListItemProps,
) => JSX.Element | null = pragmaticGitopsPlugin.provide(
  createSearchResultListItemExtension({
    name: 'GitopsSearchResultListItem',
    component: () =>
      import('./components/GitopsSearchResultListItem').then(
        m => m.GitopsSearchResultListItem,
      ),
    predicate: result => result.type === GITOPS_SEARCH_TYPE,
  }),
);
