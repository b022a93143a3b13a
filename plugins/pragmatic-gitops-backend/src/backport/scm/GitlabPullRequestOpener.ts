/**
 * Back-port merge requests on GitLab (gitlab.com or self-managed) through
 * `@gitbeaker/rest` and a host configured under `integrations.gitlab`: the
 * files are patched as they are at the target branch's head, committed in
 * one commit that also creates the hotfix's branch, and a merge request is
 * opened from it. The token needs the `api` scope (Developer role or more).
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
  DefaultGitlabCredentialsProvider,
  GitlabCredentialsProvider,
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { Gitlab } from '@gitbeaker/rest';
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

export type GitlabPullRequestOpenerOptions = {
  integrations: ScmIntegrationRegistry;
  /** Hosts listed under `integrations.gitlab`: the only ones called. */
  configuredHosts: string[];
  credentialsProvider?: GitlabCredentialsProvider;
  logger?: LoggerService;
  timeoutMs?: number;
};

/** Developer: the least role that may push a branch. */
const DEVELOPER = 30;

type Failure = {
  name?: string;
  cause?: { description?: unknown; response?: { status?: number } };
};

type MergeRequestJson = { iid: number; web_url: string; state?: string };

function gitlabError(error: unknown, name: string, what: string): Error {
  const failure = error as Failure;
  if (failure?.name === 'GitbeakerTimeoutError') {
    return new ServiceUnavailableError(
      `GitLab did not answer in time to ${what} in ${name}`,
    );
  }
  const status = failure?.cause?.response?.status;
  const said =
    typeof failure?.cause?.description === 'string'
      ? `: ${failure.cause.description}`
      : '';
  if (status === 401 || status === 403) {
    return new NotAllowedError(
      `GitLab refused (${status}) to let the integration ${what} in ${name}: its token needs the api scope and the Developer role${said}`,
    );
  }
  if (status === 404) {
    return new NotFoundError(
      `GitLab found nothing (404) to ${what} in ${name}, or the integration's token cannot read it`,
    );
  }
  if (status === 400 || status === 409 || status === 422) {
    return new ConflictError(
      `GitLab refused to ${what} in ${name} (${status})${said}`,
    );
  }
  return new ServiceUnavailableError(
    status
      ? `GitLab answered ${status} to ${what} in ${name}`
      : `GitLab could not be reached to ${what} in ${name}`,
  );
}

export class GitlabPullRequestOpener implements PullRequestOpener {
  readonly type = 'gitlab';

  static fromConfig(
    config: Config,
    options: { logger?: LoggerService; timeoutMs?: number } = {},
  ): GitlabPullRequestOpener {
    return new GitlabPullRequestOpener({
      integrations: ScmIntegrations.fromConfig(config),
      configuredHosts: [...configuredScmHosts(config, 'gitlab')],
      ...options,
    });
  }

  private readonly hosts: Set<string>;
  private readonly credentials: GitlabCredentialsProvider;

  constructor(private readonly options: GitlabPullRequestOpenerOptions) {
    this.hosts = new Set(options.configuredHosts.map(h => h.toLowerCase()));
    this.credentials =
      options.credentialsProvider ??
      DefaultGitlabCredentialsProvider.fromIntegrations(options.integrations);
  }

  handles(sourceUrl: string): boolean {
    return handlesSource(this.hosts, scmSourceOf(sourceUrl, 'gitlab'));
  }

  async open(
    request: BackportPullRequestRequest,
  ): Promise<OpenedPullRequest | undefined> {
    const { source, api } = await this.client(request.sourceUrl);
    const project = source.owner;
    const call = <T>(what: string, fn: () => Promise<T>) =>
      fn().catch(error => {
        throw gitlabError(error, source.name, what);
      });

    const info = (await call('read the project', () =>
      api.Projects.show(project),
    )) as {
      default_branch?: string;
      archived?: boolean;
      permissions?: Record<string, { access_level?: number } | null>;
    };
    if (info.archived) {
      throw new ConflictError(
        `${source.name} is archived on GitLab: it is read-only, so no back-port merge request can be opened`,
      );
    }
    const levels = Object.values(info.permissions ?? {}).map(
      p => p?.access_level ?? 0,
    );
    if (levels.length > 0 && Math.max(...levels) < DEVELOPER) {
      throw new NotAllowedError(
        `The GitLab integration may not push to ${source.name}: its token needs the api scope and the Developer role`,
      );
    }
    const base = source.ref ?? info.default_branch ?? 'main';
    const branch = request.branch;
    return openBackportRequest(source, request, {
      openFromBranch: () => this.openFrom(api, source, branch),
      readFile: async path => {
        const found = (await call(`read ${path}`, () =>
          api.RepositoryFiles.show(project, path, base),
        )) as { content?: string };
        return Buffer.from(found.content ?? '', 'base64').toString('utf8');
      },
      // One commit that (re)creates the branch from the target's head.
      commit: async files => {
        await call('commit the back-port', () =>
          api.Commits.create(
            project,
            branch,
            request.commitMessage,
            files.map(f => ({
              action: 'update' as const,
              filePath: f.path,
              content: f.content,
            })),
            { startBranch: base, force: true },
          ),
        );
      },
      create: async () => {
        const created = (await api.MergeRequests.create(
          project,
          branch,
          base,
          request.title,
          { description: request.body, removeSourceBranch: true },
        )) as unknown as MergeRequestJson;
        return this.remembered(source, created, branch);
      },
      failure: error =>
        gitlabError(error, source.name, 'open the merge request'),
    });
  }

  async isOpen(
    sourceUrl: string,
    pullRequest: RememberedPullRequest,
  ): Promise<boolean> {
    const { source, api } = await this.client(sourceUrl);
    try {
      const found = (await api.MergeRequests.show(
        source.owner,
        pullRequest.number,
      )) as unknown as MergeRequestJson;
      return found.state === 'opened';
    } catch (error) {
      if ((error as Failure)?.cause?.response?.status === 404) return false;
      throw gitlabError(error, source.name, 'read the merge request');
    }
  }

  private async openFrom(
    api: InstanceType<typeof Gitlab>,
    source: ScmSource,
    branch: string,
  ): Promise<RememberedPullRequest | undefined> {
    const list = (await api.MergeRequests.all({
      projectId: source.owner,
      sourceBranch: branch,
      state: 'opened',
    }).catch(error => {
      throw gitlabError(error, source.name, 'list merge requests');
    })) as unknown as MergeRequestJson[];
    const found = list[0];
    return found ? this.remembered(source, found, branch) : undefined;
  }

  private remembered(
    source: ScmSource,
    mergeRequest: MergeRequestJson,
    branch: string,
  ): RememberedPullRequest {
    return {
      repository: source.name,
      url: mergeRequest.web_url,
      number: mergeRequest.iid,
      branch,
    };
  }

  private async client(sourceUrl: string) {
    const source = scmSourceOf(sourceUrl, 'gitlab');
    const integration =
      source && this.hosts.has(source.host.toLowerCase())
        ? this.options.integrations.gitlab.byHost(source.host)
        : undefined;
    if (!source || !integration) {
      throw new ConflictError(
        `Cannot open a back-port merge request for ${sourceUrl}: no GitLab integration is configured for its host`,
      );
    }
    let token: string | undefined;
    try {
      token = (await this.credentials.getCredentials({ url: source.url }))
        .token;
    } catch (error) {
      throw new NotAllowedError(
        `Could not get GitLab credentials for ${source.name}: ${
          (error as Error)?.name ?? 'error'
        }`,
      );
    }
    // As a Bearer token, as the back-port commit finder sends it.
    const api = new Gitlab({
      host: integration.config.baseUrl.replace(/\/+$/, ''),
      ...(token ? { oauthToken: token } : {}),
      queryTimeout: this.options.timeoutMs ?? DEFAULT_SCM_TIMEOUT_MS,
    });
    return { source, api };
  }
}
