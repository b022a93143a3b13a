export { createGitopsColumns } from './createGitopsColumns';
export type { EntityRow } from './createGitopsColumns';
