/**
 * Pragmatic GitOps for Backstage: deployment track, drift, hotfixes and
 * secret references of catalog entities.
 *
 * @packageDocumentation
 */

export {
  pragmaticGitopsPlugin,
  EntityTrackCard,
  EntityDriftCard,
  EntityPragmaticGitopsContent,
  EntityHotfixesCard,
  EntitySecretRefsCard,
  PragmaticGitopsPage,
  GitopsSearchResultListItem,
} from './plugin';
export type { GitopsSearchResultListItemProps } from './components/GitopsSearchResultListItem';
export { rootRouteRef } from './routes';
export type { EntityTrackCardProps } from './components/EntityTrackCard';
export type { EntityDriftCardProps } from './components/EntityDriftCard';
export type { FleetOverviewPageProps } from './components/FleetOverviewPage';
export type { EntityHotfixesCardProps } from './components/HotfixList';
export type { EntitySecretRefsCardProps } from './components/SecretRefsCard';
export { DriftStatusChip } from './components/DriftStatusChip';
export type { DriftStatusChipProps } from './components/DriftStatusChip';
export { isPragmaticGitopsAvailable } from './conditions';
export { createGitopsColumns } from './components/CatalogGitopsColumns';
export type { EntityRow } from './components/CatalogGitopsColumns';
export {
  EntityGitopsPicker,
  EntityGitopsFilter,
} from './components/EntityGitopsPicker';
export type { EntityGitopsFilters } from './components/EntityGitopsPicker';
export * from './api';
