import { normalizeHotfixId } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { BackportCommit } from './BackportCommitFinder';

const TRAILER = /^[ \t]*backport-of[ \t]*:(.*)$/i;

/**
 * Hotfix ids named by `Backport-Of:` trailer lines of a commit message. A
 * trailer is a line of its own, after the subject line; the key is matched
 * case-insensitively; a line may name several ids (comma or space
 * separated) and a message may hold several such lines. Ids come back
 * normalised (`HF-12`), without duplicates, in order of appearance.
 *
 * @public
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
      const id = normalizeHotfixId(token);
      if (id && !ids.includes(id)) {
        ids.push(id);
      }
    }
  }
  return ids;
}

/** The first line of a commit message. @public */
export function commitSubject(message: string): string {
  return (typeof message === 'string' ? message : '').split(/\r?\n/, 1)[0];
}

/**
 * Adds a commit to the hotfixes its trailers name. Commits come newest
 * first, so a later (older) commit replaces an earlier one: each hotfix
 * keeps the oldest commit naming it.
 *
 * @public
 */
export function recordBackportCommit(
  commits: Map<string, BackportCommit>,
  commit: { sha: string; url: string; message: string; committedAt?: string },
): void {
  const entry: BackportCommit = {
    sha: commit.sha,
    url: commit.url,
    subject: commitSubject(commit.message),
    ...(commit.committedAt ? { committedAt: commit.committedAt } : {}),
  };
  for (const id of parseBackportTrailers(commit.message)) {
    commits.set(id, entry);
  }
}
