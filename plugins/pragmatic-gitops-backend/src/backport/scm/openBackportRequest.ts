/**
 * The steps of opening a back-port pull (merge) request, the same on every
 * SCM: return the one already open from the hotfix's branch; else patch each
 * file as it is at the base, commit what changed on the branch, and open the
 * request, answering with the one another replica opened meanwhile.
 */
import type { RememberedPullRequest } from '../BackportPullRequestStore';
import type {
  BackportPullRequestRequest,
  OpenedPullRequest,
} from './PullRequestOpener';
import type { ScmSource } from './scmSource';

export type ScmSteps = {
  /** The request open from the branch, if any. */
  openFromBranch(): Promise<RememberedPullRequest | undefined>;
  /** A file's text at the base (path relative to the repository root). */
  readFile(path: string): Promise<string>;
  /** One commit on the branch, made from the base, with the changed files. */
  commit(files: Array<{ path: string; content: string }>): Promise<void>;
  create(): Promise<RememberedPullRequest>;
  /** The create failure as an error naming the repository. */
  failure(error: unknown): Error;
};

export async function openBackportRequest(
  source: ScmSource,
  request: BackportPullRequestRequest,
  steps: ScmSteps,
): Promise<OpenedPullRequest | undefined> {
  const open = await steps.openFromBranch();
  if (open) return { ...open, created: false };
  const files: Array<{ path: string; content: string }> = [];
  for (const file of request.files) {
    const path = source.path ? `${source.path}/${file}` : file;
    const text = await steps.readFile(path);
    const patched = await request.patch(file, text);
    if (patched !== text) files.push({ path, content: patched });
  }
  if (files.length === 0) return undefined;
  await steps.commit(files);
  try {
    return { ...(await steps.create()), created: true };
  } catch (error) {
    // Opened meanwhile (another replica): that one is the answer.
    const raced = await steps.openFromBranch();
    if (raced) return { ...raced, created: false };
    throw steps.failure(error);
  }
}
