/**
 * Finding back-port commits: a commit on the source repository's default
 * branch whose message carries a `Backport-Of: HF-<n>` git trailer marks the
 * hotfix back-ported.
 */
import { Entity } from '@backstage/catalog-model';

export type BackportCommit = {
  sha: string;
  /** Web page of the commit. */
  url: string;
  /** First line of the commit message. */
  subject: string;
  /** Committer date, ISO 8601, when the SCM reports it. */
  committedAt?: string;
};

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
  | { type: 'unsupported'; reason: string }
  | { type: 'error'; reason: string };

export interface BackportCommitFinder {
  /**
   * Commits since `since` on the default branch of the repository of the
   * entity's `pragmatic-gitops.io/source-location`. Never throws.
   */
  findBackports(
    entity: Entity,
    options: { since: Date },
  ): Promise<BackportSearchResult>;
}

const TRAILER = /^[ \t]*backport-of[ \t]*:(.*)$/i;
const HOTFIX_ID = /^HF-0*(\d+)$/i;

/**
 * Hotfix ids named by `Backport-Of:` trailer lines of a commit message. A
 * trailer is a line of its own, after the subject line; the key is matched
 * case-insensitively; a line may name several ids (comma or space
 * separated) and a message may hold several such lines. Ids come back
 * normalised (`HF-12`), without duplicates, in order of appearance.
 */
export function parseBackportTrailers(message: string): string[] {
  if (typeof message !== 'string') {
    return [];
  }
  const ids: string[] = [];
  const lines = message.split(/\r?\n/);
  for (const line of lines.slice(1)) {
    const match = TRAILER.exec(line);
    if (!match) {
      continue;
    }
    for (const token of match[1].split(/[\s,;]+/)) {
      const id = HOTFIX_ID.exec(token);
      if (id) {
        const normalised = `HF-${id[1]}`;
        if (!ids.includes(normalised)) {
          ids.push(normalised);
        }
      }
    }
  }
  return ids;
}

/** The first line of a commit message. */
export function commitSubject(message: string): string {
  return (typeof message === 'string' ? message : '').split(/\r?\n/, 1)[0];
}
