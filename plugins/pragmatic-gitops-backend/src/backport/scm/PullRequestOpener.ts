/**
 * Opens back-port pull requests on one kind of SCM (GitHub, GitLab) through
 * a host configured under `integrations`. Failures are errors of
 * `@backstage/errors` whose message names the repository: never a 500.
 */
import type { RememberedPullRequest } from '../BackportPullRequestStore';

export type BackportPullRequestRequest = {
  /** The `url:` source location's target. */
  sourceUrl: string;
  /** Branch to create (or reuse) for the back-port. */
  branch: string;
  title: string;
  body: string;
  commitMessage: string;
  /** Files to patch, relative to the source's root. */
  files: string[];
  /** The patched text of a file, given its text at the base commit. */
  patch: (file: string, text: string) => Promise<string>;
};

export type OpenedPullRequest = RememberedPullRequest & {
  /** False when a pull request from the branch was already open. */
  created: boolean;
};

export interface PullRequestOpener {
  /** `github` or `gitlab`: the integration type it serves. */
  readonly type: string;
  /** Whether the URL is on a host configured for this SCM. */
  handles(sourceUrl: string): boolean;
  /**
   * Opens the pull request, or returns the one already open from the branch.
   * `undefined` when the base already holds every patched file as is.
   */
  open(
    request: BackportPullRequestRequest,
  ): Promise<OpenedPullRequest | undefined>;
  /** Whether a remembered pull request is still open. */
  isOpen(
    sourceUrl: string,
    pullRequest: RememberedPullRequest,
  ): Promise<boolean>;
}
