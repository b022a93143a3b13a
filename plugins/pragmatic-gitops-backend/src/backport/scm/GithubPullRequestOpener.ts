/**
 * Back-port pull requests on GitHub (github.com or Enterprise) through the
 * REST API of a host configured under `integrations.github`: the files are
 * patched as they are at the base branch's head, committed in one commit
 * (Git Data API) on the hotfix's branch, and a pull request is opened from
 * it. The token needs contents:write and pull_requests:write.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';
import {
  createGithubClient,
  githubApiBaseUrl,
  GithubRequestStopped,
} from '../../providers/github/githubClient';
import {
  configuredScmHosts,
  DEFAULT_SCM_TIMEOUT_MS,
} from '../../providers/scmBackportSearch';
import type { RememberedPullRequest } from '../BackportPullRequestStore';
import {
  BackportPullRequestRequest,
  OpenedPullRequest,
  PullRequestOpener,
} from './PullRequestOpener';
import { handlesSource, openBackportRequest } from './openBackportRequest';
import { ScmSource, scmSourceOf } from './scmSource';

export type GithubPullRequestOpenerOptions = {
  integrations: ScmIntegrationRegistry;
  /** Hosts listed under `integrations.github`: the only ones called. */
  configuredHosts: string[];
  credentialsProvider?: GithubCredentialsProvider;
  logger?: LoggerService;
  timeoutMs?: number;
};

const SCOPES = 'contents:write and pull_requests:write';

type Failure = {
  status?: number;
  message?: string;
  response?: {
    headers?: Record<string, string | undefined>;
    data?: { message?: unknown; errors?: Array<{ message?: unknown }> };
  };
};

/** What GitHub said, for a 422: its message and those of its errors. */
function githubSaid(failure: Failure): string {
  const data = failure.response?.data;
  return [data?.message, ...(data?.errors ?? []).map(e => e?.message)]
    .filter((m): m is string => typeof m === 'string')
    .join('; ');
}

/** An Octokit failure as an error a person can act on, naming the repository. */
function githubError(error: unknown, name: string, what: string): Error {
  if (error instanceof GithubRequestStopped) {
    return new ServiceUnavailableError(`${error.message} ${what} in ${name}`);
  }
  const failure = error as Failure;
  const status = failure?.status;
  const said = githubSaid(failure);
  if (status === 401) {
    return new NotAllowedError(
      `GitHub rejected the integration's credentials (401) to ${what} in ${name}`,
    );
  }
  if (status === 403 && /archived/i.test(said)) {
    return new ConflictError(`${name} is archived on GitHub: it is read-only`);
  }
  if (status === 403 || status === 429) {
    return failure.response?.headers?.['x-ratelimit-remaining'] === '0'
      ? new ServiceUnavailableError(
          `GitHub rate limit exceeded (${status}) to ${what} in ${name}`,
        )
      : new NotAllowedError(
          `GitHub refused (${status}) to let the integration ${what} in ${name}: its token needs ${SCOPES}`,
        );
  }
  if (status === 404) {
    return new NotFoundError(
      `GitHub found nothing (404) to ${what} in ${name}, or the integration's token cannot read it`,
    );
  }
  if (status === 422) {
    return new ConflictError(
      `GitHub refused to ${what} in ${name} (422)${said ? `: ${said}` : ''}`,
    );
  }
  return new ServiceUnavailableError(
    status
      ? `GitHub answered ${status} to ${what} in ${name}`
      : `GitHub could not be reached to ${what} in ${name}`,
  );
}

type PullJson = { html_url: string; number: number; state?: string };

export class GithubPullRequestOpener implements PullRequestOpener {
  readonly type = 'github';

  static fromConfig(
    config: Config,
    options: { logger?: LoggerService; timeoutMs?: number } = {},
  ): GithubPullRequestOpener {
    const integrations = ScmIntegrations.fromConfig(config);
    return new GithubPullRequestOpener({
      integrations,
      configuredHosts: [...configuredScmHosts(config, 'github', 'github.com')],
      credentialsProvider:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      ...options,
    });
  }

  private readonly hosts: Set<string>;
  private readonly credentials: GithubCredentialsProvider;

  constructor(private readonly options: GithubPullRequestOpenerOptions) {
    this.hosts = new Set(options.configuredHosts.map(h => h.toLowerCase()));
    this.credentials =
      options.credentialsProvider ??
      DefaultGithubCredentialsProvider.fromIntegrations(options.integrations);
  }

  handles(sourceUrl: string): boolean {
    return handlesSource(this.hosts, scmSourceOf(sourceUrl, 'github'));
  }

  async open(
    request: BackportPullRequestRequest,
  ): Promise<OpenedPullRequest | undefined> {
    const { source, octokit } = await this.client(request.sourceUrl);
    const { owner, repo, name } = source;
    const call = <T>(what: string, fn: () => Promise<{ data: T }>) =>
      fn().then(
        r => r.data,
        error => {
          throw githubError(error, name, what);
        },
      );

    const info = await call('read the repository', () =>
      octokit.rest.repos.get({ owner, repo }),
    );
    if (info.archived) {
      throw new ConflictError(
        `${name} is archived on GitHub: it is read-only, so no back-port pull request can be opened`,
      );
    }
    if (info.permissions && !info.permissions.push) {
      throw new NotAllowedError(
        `The GitHub integration may not push to ${name}: its token needs ${SCOPES}`,
      );
    }
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
        return this.remembered(source, data, branch);
      },
      failure: error => githubError(error, name, 'open the pull request'),
    });
  }

  async isOpen(
    sourceUrl: string,
    pullRequest: RememberedPullRequest,
  ): Promise<boolean> {
    const { source, octokit } = await this.client(sourceUrl);
    try {
      const { data } = await octokit.rest.pulls.get({
        owner: source.owner,
        repo: source.repo,
        pull_number: pullRequest.number,
      });
      return data.state === 'open';
    } catch (error) {
      if ((error as Failure)?.status === 404) return false;
      throw githubError(error, source.name, 'read the pull request');
    }
  }

  /** Creates the branch, or moves it when a closed attempt left it behind. */
  private async pushBranch(
    octokit: Octokit,
    source: ScmSource,
    branch: string,
    sha: string,
  ) {
    const { owner, repo, name } = source;
    try {
      await octokit.rest.git.createRef({
        owner,
        repo,
        ref: `refs/heads/${branch}`,
        sha,
      });
    } catch (error) {
      if ((error as Failure)?.status !== 422) {
        throw githubError(error, name, `create branch ${branch}`);
      }
      await octokit.rest.git
        .updateRef({ owner, repo, ref: `heads/${branch}`, sha, force: true })
        .catch(e => {
          throw githubError(e, name, `update branch ${branch}`);
        });
    }
  }

  private async openFrom(
    octokit: Octokit,
    source: ScmSource,
    branch: string,
  ): Promise<RememberedPullRequest | undefined> {
    const { owner, repo, name } = source;
    const { data } = await octokit.rest.pulls
      .list({ owner, repo, head: `${owner}:${branch}`, state: 'open' })
      .catch(error => {
        throw githubError(error, name, 'list pull requests');
      });
    const pull = (data as PullJson[])[0];
    return pull ? this.remembered(source, pull, branch) : undefined;
  }

  private remembered(
    source: ScmSource,
    pull: PullJson,
    branch: string,
  ): RememberedPullRequest {
    return {
      repository: source.name,
      url: pull.html_url,
      number: pull.number,
      branch,
    };
  }

  private async client(sourceUrl: string) {
    const source = scmSourceOf(sourceUrl, 'github');
    if (!source) {
      throw new ConflictError(
        `${sourceUrl} is not a GitHub repository URL (https://<host>/<owner>/<repo>/tree/<branch>/<path>)`,
      );
    }
    const api = githubApiBaseUrl(
      this.options.integrations,
      this.hosts,
      source.host,
    );
    if ('reason' in api) {
      throw new ConflictError(
        `Cannot open a back-port pull request in ${source.name}: ${api.reason}`,
      );
    }
    let token: string | undefined;
    try {
      token = (await this.credentials.getCredentials({ url: source.url }))
        .token;
    } catch (error) {
      throw new NotAllowedError(
        `Could not get GitHub credentials for ${source.name}: ${
          (error as Error)?.name ?? 'error'
        }`,
      );
    }
    const octokit = createGithubClient({
      apiBaseUrl: api.apiBaseUrl,
      token,
      timeoutMs: this.options.timeoutMs ?? DEFAULT_SCM_TIMEOUT_MS,
    });
    return { source, octokit };
  }
}
