/**
 * Scaffolder backend module with the Pragmatic GitOps actions:
 * `pragmatic-gitops:annotate` writes the track, source location, ignore rules
 * and secret references into a catalog-info.yaml.
 *
 * @packageDocumentation
 */

export { scaffolderModulePragmaticGitops as default } from './module';
export { createPragmaticGitopsAnnotateAction } from './actions/annotate';
