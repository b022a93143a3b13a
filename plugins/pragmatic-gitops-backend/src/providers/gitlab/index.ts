export { GitlabBackportCommitFinder } from './GitlabBackportCommitFinder';
export type { GitlabBackportCommitFinderOptions } from './GitlabBackportCommitFinder';
export { gitlabProjectOf } from './gitlabSource';
export type { GitlabProject } from './gitlabSource';
