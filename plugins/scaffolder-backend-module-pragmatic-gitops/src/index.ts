/**
 * Scaffolder backend module with the Pragmatic GitOps actions:
 * `pragmatic-gitops:annotate` writes the track, source location, ignore rules
 * and secret references into a catalog-info.yaml;
 * `pragmatic-gitops:hotfix:record` records a hotfix applied by hand in the
 * hotfix ledger, on behalf of the user running the template.
 *
 * @packageDocumentation
 */

export { scaffolderModulePragmaticGitops as default } from './module';
export { createPragmaticGitopsAnnotateAction } from './actions/annotate';
export { createPragmaticGitopsRecordHotfixAction } from './actions/recordHotfix';
