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
  BackportCommitFinder,
  BackportSearchResult,
  recordBackportCommit,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { DeadlineExceeded, withDeadline } from '../deadline';
import {
  DEFAULT_SCM_MAX_PAGES,
  describeScmStatus,
  SCM_PER_PAGE,
} from '../scmBackportSearch';
import { ScmCredentialsUnavailable } from '../scmClients';
import { GithubClients, GithubRequestStopped } from './githubClient';
import { GithubRepository, githubRepositoryOf } from './githubSource';

export type GithubBackportCommitFinderOptions = {
  /** The configured hosts' clients; their timeout is also each call's deadline. */
  clients: GithubClients;
  logger?: LoggerService;
  /** Pages of 100 commits read at most; default 3. */
  maxPages?: number;
};

class RequestFailed extends Error {}

type CommitJson = {
  sha?: unknown;
  html_url?: unknown;
  commit?: { message?: unknown; committer?: { date?: unknown } | null };
};

export class GithubBackportCommitFinder implements BackportCommitFinder {
  readonly name = 'github';

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

  private readonly timeoutMs: number;
  private readonly maxPages: number;

  constructor(private readonly options: GithubBackportCommitFinderOptions) {
    this.timeoutMs = options.clients.timeoutMs;
    this.maxPages = Math.max(1, options.maxPages ?? DEFAULT_SCM_MAX_PAGES);
  }

  async findBackports(
    entity: Entity,
    options: { since: Date },
  ): Promise<BackportSearchResult> {
    const source = githubRepositoryOf(entity);
    if ('reason' in source) {
      return { type: 'unsupported', reason: source.reason };
    }
    const repository = source.repository;
    const { host, owner, repo } = repository;
    try {
      const made = await this.options.clients.clientFor({
        host,
        url: repository.url,
        name: `${host}/${owner}/${repo}`,
      });
      if ('reason' in made) {
        return { type: 'unsupported', reason: made.reason };
      }
      return await this.search(made.client, repository, options.since);
    } catch (error) {
      const reason =
        error instanceof RequestFailed ||
        error instanceof ScmCredentialsUnavailable
          ? error.message
          : `GitHub request failed for ${owner}/${repo}`;
      this.options.logger?.warn(`Back-port commit search: ${reason}`);
      return { type: 'error', reason };
    }
  }

  private async search(
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
      throw new RequestFailed(`GitHub answered malformed JSON for ${name}`);
    }
    const branch = (repoData as { default_branch?: unknown }).default_branch;
    if (typeof branch !== 'string' || branch === '') {
      throw new RequestFailed(
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
        throw new RequestFailed(
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
        throw new RequestFailed(`${error.message} ${what}`);
      }
      if (error instanceof DeadlineExceeded) {
        throw new RequestFailed(
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
        throw new RequestFailed(
          describeScmStatus('GitHub', failure.status, what, rateLimited),
        );
      }
      throw new RequestFailed(
        /JSON/.test(String(failure?.message))
          ? `GitHub answered malformed JSON for ${what}`
          : `GitHub could not be reached for ${what}`,
      );
    }
    const status =
      result.status ??
      (result.value as { status?: number } | undefined)?.status;
    if (status !== undefined && status >= 300 && status < 400) {
      throw new RequestFailed(describeScmStatus('GitHub', status, what));
    }
    return result;
  }
}
