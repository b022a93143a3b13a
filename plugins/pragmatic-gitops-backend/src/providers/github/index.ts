export { GithubBackportCommitFinder } from './GithubBackportCommitFinder';
export type { GithubBackportCommitFinderOptions } from './GithubBackportCommitFinder';
export { githubRepositoryOf } from './githubSource';
export type { GithubRepository } from './githubSource';
