import { Entity } from '@backstage/catalog-model';

/** A commit on the default branch that names a hotfix. @public */
export type BackportCommit = {
  sha: string;
  /** Web page of the commit. */
  url: string;
  /** First line of the commit message. */
  subject: string;
  /** Committer date, ISO 8601, when the SCM reports it. */
  committedAt?: string;
};

/** @public */
export type BackportSearchResult =
  | {
      type: 'found';
      /** Hotfix id (`HF-<n>`) → the oldest commit naming it in the window. */
      commits: Map<string, BackportCommit>;
      repository: string;
      branch: string;
      /** More commits than the page limit: older ones were not read. */
      truncated: boolean;
    }
  /** The entity's source is not on this finder's SCM: the next finder is asked. */
  | { type: 'unsupported'; reason: string }
  | { type: 'error'; reason: string };

/**
 * Finds back-port commits: a commit on the source repository's default
 * branch whose message carries a `Backport-Of: HF-<n>` trailer marks the
 * hotfix back-ported (see `parseBackportTrailers`).
 *
 * @public
 */
export interface BackportCommitFinder {
  /** e.g. `github`, `gitlab`. */
  readonly name: string;
  /**
   * Commits since `since` on the default branch of the repository of the
   * entity's `pragmatic-gitops.io/source-location`. Never throws.
   */
  findBackports(
    entity: Entity,
    options: { since: Date },
  ): Promise<BackportSearchResult>;
}
