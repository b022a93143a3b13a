/**
 * Pragmatic GitOps for Backstage: deployment track, drift, hotfixes and
 * secret references of catalog entities.
 *
 * @packageDocumentation
 */

export { pragmaticGitopsPlugin, EntityTrackCard } from './plugin';
export type { EntityTrackCardProps } from './components/EntityTrackCard';
export { isPragmaticGitopsAvailable } from './conditions';
export { pragmaticGitopsApiRef, PragmaticGitopsClient } from './api';
export type { PragmaticGitopsApi } from './api';
