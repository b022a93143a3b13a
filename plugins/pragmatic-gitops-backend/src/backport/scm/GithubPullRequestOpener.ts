/**
 * Back-port pull requests on GitHub (github.com or Enterprise) through the
 * REST API of a host configured under `integrations.github`: the files are
 * patched as they are at the base branch's head, committed in one commit
 * (Git Data API) on the hotfix's branch, and a pull request is opened from
 * it. The token needs contents:write and pull_requests:write.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import { Octokit } from '@octokit/rest';
import {
  GithubClients,
  GithubRequestStopped,
} from '../../providers/github/githubClient';
import type { RememberedPullRequest } from '../BackportPullRequestStore';
import {
  BackportPullRequestRequest,
  OpenedPullRequest,
} from './PullRequestOpener';
import { openBackportRequest } from './openBackportRequest';
import { ScmSource } from './scmSource';
import { ScmPullRequestOpener } from './ScmPullRequestOpener';

type Failure = {
  status?: number;
  message?: string;
  response?: {
    headers?: Record<string, string | undefined>;
    data?: { message?: unknown; errors?: Array<{ message?: unknown }> };
  };
};

/** What GitHub said: its message and those of its errors. */
function githubSaid(failure: Failure): string {
  const data = failure.response?.data;
  return [data?.message, ...(data?.errors ?? []).map(e => e?.message)]
    .filter((m): m is string => typeof m === 'string')
    .join('; ');
}

type PullJson = { html_url: string; number: number; state?: string };

export class GithubPullRequestOpener extends ScmPullRequestOpener<Octokit> {
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService; timeoutMs?: number } = {},
  ): GithubPullRequestOpener {
    return new GithubPullRequestOpener(
      GithubClients.fromConfig(config, { timeoutMs: options.timeoutMs }),
    );
  }

  constructor(clients: GithubClients) {
    super(
      {
        type: 'github',
        scm: 'GitHub',
        request: 'pull request',
        needs: 'contents:write and pull_requests:write',
        conflictStatuses: [422],
      },
      clients,
    );
  }

  async open(
    request: BackportPullRequestRequest,
  ): Promise<OpenedPullRequest | undefined> {
    const { source, client: octokit } = await this.connect(request.sourceUrl);
    const { owner, repo, name } = source;
    const call = <T>(what: string, fn: () => Promise<{ data: T }>) =>
      fn().then(
        r => r.data,
        error => {
          throw this.githubError(error, source, what);
        },
      );

    const info = await call('read the repository', () =>
      octokit.rest.repos.get({ owner, repo }),
    );
    this.refuseUnwritable(source, {
      archived: info.archived,
      mayPush: !info.permissions || info.permissions.push,
    });
    const base = source.ref ?? info.default_branch;
    const branch = request.branch;
    let baseSha: string | undefined;
    const headOfBase = async () => {
      baseSha ??= (
        await call(`read branch ${base}`, () =>
          octokit.rest.git.getRef({ owner, repo, ref: `heads/${base}` }),
        )
      ).object.sha;
      return baseSha;
    };
    return openBackportRequest(source, request, {
      openFromBranch: () => this.openFrom(octokit, source, branch),
      readFile: async path => {
        const ref = await headOfBase();
        const content = await call(`read ${path}`, () =>
          octokit.rest.repos.getContent({ owner, repo, path, ref }),
        );
        if (Array.isArray(content) || content.type !== 'file') {
          throw new ConflictError(`${path} in ${name} is not a file`);
        }
        return Buffer.from(
          (content as { content?: string }).content ?? '',
          'base64',
        ).toString('utf8');
      },
      commit: async files => {
        const parent = await headOfBase();
        const baseCommit = await call(`read commit ${parent}`, () =>
          octokit.rest.git.getCommit({ owner, repo, commit_sha: parent }),
        );
        const tree = await call('write the patched files', () =>
          octokit.rest.git.createTree({
            owner,
            repo,
            base_tree: baseCommit.tree.sha,
            tree: files.map(f => ({
              path: f.path,
              mode: '100644' as const,
              type: 'blob' as const,
              content: f.content,
            })),
          }),
        );
        const commit = await call('commit the back-port', () =>
          octokit.rest.git.createCommit({
            owner,
            repo,
            message: request.commitMessage,
            tree: tree.sha,
            parents: [parent],
          }),
        );
        await this.pushBranch(octokit, source, branch, commit.sha);
      },
      create: async () => {
        const { data } = await octokit.rest.pulls.create({
          owner,
          repo,
          title: request.title,
          body: request.body,
          head: branch,
          base,
        });
        return this.pullOf(source, data, branch);
      },
      failure: error =>
        this.githubError(error, source, 'open the pull request'),
    });
  }

  async isOpen(
    sourceUrl: string,
    pullRequest: RememberedPullRequest,
  ): Promise<boolean> {
    const { source, client: octokit } = await this.connect(sourceUrl);
    try {
      const { data } = await octokit.rest.pulls.get({
        owner: source.owner,
        repo: source.repo,
        pull_number: pullRequest.number,
      });
      return data.state === 'open';
    } catch (error) {
      if ((error as Failure)?.status === 404) return false;
      throw this.githubError(error, source, 'read the pull request');
    }
  }

  /** Creates the branch, or moves it when a closed attempt left it behind. */
  private async pushBranch(
    octokit: Octokit,
    source: ScmSource,
    branch: string,
    sha: string,
  ) {
    const { owner, repo } = source;
    try {
      await octokit.rest.git.createRef({
        owner,
        repo,
        ref: `refs/heads/${branch}`,
        sha,
      });
    } catch (error) {
      if ((error as Failure)?.status !== 422) {
        throw this.githubError(error, source, `create branch ${branch}`);
      }
      await octokit.rest.git
        .updateRef({ owner, repo, ref: `heads/${branch}`, sha, force: true })
        .catch(e => {
          throw this.githubError(e, source, `update branch ${branch}`);
        });
    }
  }

  private async openFrom(
    octokit: Octokit,
    source: ScmSource,
    branch: string,
  ): Promise<RememberedPullRequest | undefined> {
    const { owner, repo } = source;
    const { data } = await octokit.rest.pulls
      .list({ owner, repo, head: `${owner}:${branch}`, state: 'open' })
      .catch(error => {
        throw this.githubError(error, source, 'list pull requests');
      });
    const pull = (data as PullJson[])[0];
    return pull ? this.pullOf(source, pull, branch) : undefined;
  }

  private pullOf(source: ScmSource, pull: PullJson, branch: string) {
    return this.remembered(
      source,
      { url: pull.html_url, number: pull.number },
      branch,
    );
  }

  /** An Octokit failure; archived and rate-limited are GitHub's own 403s. */
  private githubError(error: unknown, source: ScmSource, what: string): Error {
    if (error instanceof GithubRequestStopped) {
      return new ServiceUnavailableError(
        `${error.message} ${what} in ${source.name}`,
      );
    }
    const failure = error as Failure;
    const status = failure?.status;
    const said = githubSaid(failure);
    if (status === 403 && /archived/i.test(said)) {
      return new ConflictError(
        `${source.name} is archived on GitHub: it is read-only`,
      );
    }
    if (
      (status === 403 || status === 429) &&
      failure.response?.headers?.['x-ratelimit-remaining'] === '0'
    ) {
      return new ServiceUnavailableError(
        `GitHub rate limit exceeded (${status}) to ${what} in ${source.name}`,
      );
    }
    return this.requestError({ status, said }, source, what);
  }
}
