export { EntityGitopsPicker } from './EntityGitopsPicker';
export type { EntityGitopsFilters } from './EntityGitopsPicker';
export { EntityGitopsFilter } from './EntityGitopsFilter';
