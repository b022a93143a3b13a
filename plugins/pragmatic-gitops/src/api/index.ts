export { pragmaticGitopsApiRef } from './PragmaticGitopsApi';
export type { PragmaticGitopsApi } from './PragmaticGitopsApi';
export { PragmaticGitopsClient } from './PragmaticGitopsClient';
