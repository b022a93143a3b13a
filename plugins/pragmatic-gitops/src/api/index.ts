export { pragmaticGitopsApiRef } from './PragmaticGitopsApi';
export type {
  EntityHistory,
  OverviewQuery,
  PragmaticGitopsApi,
} from './PragmaticGitopsApi';
export { PragmaticGitopsClient } from './PragmaticGitopsClient';
