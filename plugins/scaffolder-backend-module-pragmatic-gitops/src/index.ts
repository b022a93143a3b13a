/**
 * Scaffolder backend module with the Pragmatic GitOps actions:
 * `pragmatic-gitops:annotate` writes the track, source location, ignore rules
 * and secret references into a catalog-info.yaml;
 * `pragmatic-gitops:hotfix:record` records a hotfix applied by hand in the
 * hotfix ledger, on behalf of the user running the template;
 * `pragmatic-gitops:hotfix:backport` generates a hotfix's back-port (a pull
 * request, or a patch for local sources) as that user.
 *
 * @packageDocumentation
 */

export { scaffolderModulePragmaticGitops as default } from './module';
export { createPragmaticGitopsAnnotateAction } from './actions/annotate';
export { createPragmaticGitopsRecordHotfixAction } from './actions/recordHotfix';
export { createPragmaticGitopsBackportHotfixAction } from './actions/backportHotfix';
