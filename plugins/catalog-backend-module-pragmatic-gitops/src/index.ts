/**
 * Catalog backend module validating the `pragmatic-gitops.io/*` annotations.
 *
 * @packageDocumentation
 */

export { catalogModulePragmaticGitops as default } from './module';
export { PragmaticGitopsAnnotationProcessor } from './PragmaticGitopsAnnotationProcessor';
