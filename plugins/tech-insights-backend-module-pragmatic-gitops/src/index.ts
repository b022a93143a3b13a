/**
 * Tech Insights facts from Pragmatic GitOps.
 *
 * @packageDocumentation
 */

export { techInsightsModulePragmaticGitops as default } from './module';
export { createPragmaticGitopsFactRetriever } from './pragmaticGitopsFactRetriever';
