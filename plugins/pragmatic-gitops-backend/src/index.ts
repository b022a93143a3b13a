/**
 * Pragmatic GitOps backend plugin: tracks, drift, hotfix ledger and secret
 * references of catalog entities.
 *
 * @packageDocumentation
 */

export { pragmaticGitopsPlugin as default } from './plugin';
