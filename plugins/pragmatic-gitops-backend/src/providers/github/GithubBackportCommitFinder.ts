/**
 * Back-port commits from GitHub (github.com or Enterprise): the commits on
 * the default branch of the entity's source repository since a date, read
 * through the REST API of a host configured under `integrations.github`.
 * Hosts that are not configured are never called; the token goes only to
 * the configured `apiBaseUrl`; failures come back as results, never throws.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { Octokit } from '@octokit/rest';
import {
  BackportCommit,
  BackportSearchResult,
  recordBackportCommit,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { DeadlineExceeded, withDeadline } from '../deadline';
import {
  FinderSource,
  ScmBackportCommitFinder,
  ScmBackportCommitFinderOptions,
  ScmRequestFailed,
} from '../ScmBackportCommitFinder';
import { describeScmStatus, SCM_PER_PAGE } from '../scmBackportSearch';
import { GithubClients, GithubRequestStopped } from './githubClient';
import { GithubRepository, githubRepositoryOf } from './githubSource';

export type GithubBackportCommitFinderOptions =
  ScmBackportCommitFinderOptions<GithubClients>;

type CommitJson = {
  sha?: unknown;
  html_url?: unknown;
  commit?: { message?: unknown; committer?: { date?: unknown } | null };
};

export class GithubBackportCommitFinder extends ScmBackportCommitFinder<
  Octokit,
  GithubRepository
> {
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService; timeoutMs?: number } = {},
  ): GithubBackportCommitFinder {
    return new GithubBackportCommitFinder({
      clients: GithubClients.fromConfig(config, {
        timeoutMs: options.timeoutMs,
      }),
      logger: options.logger,
    });
  }

  constructor(options: GithubBackportCommitFinderOptions) {
    super('github', 'GitHub', options);
  }

  protected sourceOf(entity: Entity): FinderSource<GithubRepository> {
    const source = githubRepositoryOf(entity);
    if ('reason' in source) return source;
    const { repository } = source;
    const { host, owner, repo } = repository;
    return {
      repository,
      ref: { host, url: repository.url, name: `${host}/${owner}/${repo}` },
      label: `${owner}/${repo}`,
    };
  }

  protected async search(
    octokit: Octokit,
    repository: GithubRepository,
    since: Date,
  ): Promise<BackportSearchResult> {
    const { owner, repo } = repository;
    const name = `repository ${owner}/${repo}`;

    const { data: repoData } = await this.call(name, () =>
      octokit.rest.repos.get({ owner, repo }),
    );
    // A body that is not JSON comes back from Octokit as a string.
    if (typeof repoData !== 'object' || repoData === null) {
      throw new ScmRequestFailed(`GitHub answered malformed JSON for ${name}`);
    }
    const branch = (repoData as { default_branch?: unknown }).default_branch;
    if (typeof branch !== 'string' || branch === '') {
      throw new ScmRequestFailed(
        `GitHub did not report a default branch for ${name}`,
      );
    }

    const commits = new Map<string, BackportCommit>();
    let truncated = false;
    let pages = 0;
    const pagesOf = octokit.paginate.iterator(
      'GET /repos/{owner}/{repo}/commits',
      {
        owner,
        repo,
        sha: branch,
        since: since.toISOString(),
        per_page: SCM_PER_PAGE,
        page: 1,
      },
    );
    const iterator = pagesOf[Symbol.asyncIterator]();
    const what = `commits of ${name}`;
    for (;;) {
      const next = await this.call(what, () => iterator.next());
      if (next.done) break;
      const list = next.value.data as unknown;
      if (!Array.isArray(list)) {
        throw new ScmRequestFailed(
          `GitHub answered a malformed commit list for ${name}`,
        );
      }
      for (const entry of list as CommitJson[]) {
        this.collect(entry, commits);
      }
      pages += 1;
      if (pages === this.maxPages) {
        truncated = /rel="next"/.test(next.value.headers.link ?? '');
        break;
      }
    }
    return {
      type: 'found',
      commits,
      repository: `${repository.host}/${owner}/${repo}`,
      branch,
      truncated,
    };
  }

  private collect(entry: CommitJson, commits: Map<string, BackportCommit>) {
    const message = entry?.commit?.message;
    if (typeof entry?.sha !== 'string' || typeof message !== 'string') {
      return;
    }
    const date = entry.commit?.committer?.date;
    recordBackportCommit(commits, {
      sha: entry.sha,
      url: typeof entry.html_url === 'string' ? entry.html_url : '',
      message,
      ...(typeof date === 'string' ? { committedAt: date } : {}),
    });
  }

  /** Runs one request, turning Octokit's failures into a reason for a person. */
  private async call<T extends { status?: number; value?: unknown }>(
    what: string,
    fn: () => Promise<T>,
  ): Promise<T> {
    let result: T;
    try {
      // The timeout inside fetch does not end a body that trickles in.
      result = await withDeadline(this.timeoutMs, fn);
    } catch (error) {
      if (error instanceof GithubRequestStopped) {
        throw new ScmRequestFailed(`${error.message} ${what}`);
      }
      if (error instanceof DeadlineExceeded) {
        throw new ScmRequestFailed(
          `GitHub did not answer within ${this.timeoutMs} ms for ${what}`,
        );
      }
      // Octokit's RequestError: a status, and the response when one came.
      const failure = error as {
        status: number;
        message?: string;
        response?: { headers?: Record<string, string | undefined> };
      };
      if (failure?.response) {
        const rateLimited =
          failure.response.headers?.['x-ratelimit-remaining'] === '0';
        throw new ScmRequestFailed(
          describeScmStatus('GitHub', failure.status, what, rateLimited),
        );
      }
      throw new ScmRequestFailed(
        /JSON/.test(String(failure?.message))
          ? `GitHub answered malformed JSON for ${what}`
          : `GitHub could not be reached for ${what}`,
      );
    }
    const status =
      result.status ??
      (result.value as { status?: number } | undefined)?.status;
    if (status !== undefined && status >= 300 && status < 400) {
      throw new ScmRequestFailed(describeScmStatus('GitHub', status, what));
    }
    return result;
  }
}
