/**
 * Back-port merge requests on GitLab (gitlab.com or self-managed) through
 * `@gitbeaker/rest` and a host configured under `integrations.gitlab`: the
 * files are patched as they are at the target branch's head, committed in
 * one commit that also creates the hotfix's branch, and a merge request is
 * opened from it. The token needs the `api` scope (Developer role or more).
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  GitlabClient,
  GitlabClients,
} from '../../providers/gitlab/gitlabClient';
import type { RememberedPullRequest } from '../BackportPullRequestStore';
import {
  BackportPullRequestRequest,
  OpenedPullRequest,
} from './PullRequestOpener';
import { openBackportRequest } from './openBackportRequest';
import { ScmSource } from './scmSource';
import { ScmPullRequestOpener } from './ScmPullRequestOpener';

/** Developer: the least role that may push a branch. */
const DEVELOPER = 30;

type Failure = {
  name?: string;
  cause?: { description?: unknown; response?: { status?: number } };
};

type MergeRequestJson = { iid: number; web_url: string; state?: string };

export class GitlabPullRequestOpener extends ScmPullRequestOpener<GitlabClient> {
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService; timeoutMs?: number } = {},
  ): GitlabPullRequestOpener {
    return new GitlabPullRequestOpener(
      GitlabClients.fromConfig(config, { timeoutMs: options.timeoutMs }),
    );
  }

  constructor(clients: GitlabClients) {
    super(
      {
        type: 'gitlab',
        scm: 'GitLab',
        request: 'merge request',
        needs: 'the api scope and the Developer role',
        conflictStatuses: [400, 409, 422],
      },
      clients,
    );
  }

  async open(
    request: BackportPullRequestRequest,
  ): Promise<OpenedPullRequest | undefined> {
    const { source, client: api } = await this.connect(request.sourceUrl);
    const project = source.owner;
    const call = <T>(what: string, fn: () => Promise<T>) =>
      fn().catch(error => {
        throw this.gitlabError(error, source, what);
      });

    const info = (await call('read the project', () =>
      api.Projects.show(project),
    )) as {
      default_branch?: string;
      archived?: boolean;
      permissions?: Record<string, { access_level?: number } | null>;
    };
    const levels = Object.values(info.permissions ?? {}).map(
      p => p?.access_level ?? 0,
    );
    this.refuseUnwritable(source, {
      archived: info.archived,
      mayPush: levels.length === 0 || Math.max(...levels) >= DEVELOPER,
    });
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
        return this.requestOf(source, created, branch);
      },
      failure: error =>
        this.gitlabError(error, source, 'open the merge request'),
    });
  }

  async isOpen(
    sourceUrl: string,
    pullRequest: RememberedPullRequest,
  ): Promise<boolean> {
    const { source, client: api } = await this.connect(sourceUrl);
    try {
      const found = (await api.MergeRequests.show(
        source.owner,
        pullRequest.number,
      )) as unknown as MergeRequestJson;
      return found.state === 'opened';
    } catch (error) {
      if ((error as Failure)?.cause?.response?.status === 404) return false;
      throw this.gitlabError(error, source, 'read the merge request');
    }
  }

  private async openFrom(
    api: GitlabClient,
    source: ScmSource,
    branch: string,
  ): Promise<RememberedPullRequest | undefined> {
    const list = (await api.MergeRequests.all({
      projectId: source.owner,
      sourceBranch: branch,
      state: 'opened',
    }).catch(error => {
      throw this.gitlabError(error, source, 'list merge requests');
    })) as unknown as MergeRequestJson[];
    const found = list[0];
    return found ? this.requestOf(source, found, branch) : undefined;
  }

  private requestOf(
    source: ScmSource,
    mergeRequest: MergeRequestJson,
    branch: string,
  ) {
    return this.remembered(
      source,
      { url: mergeRequest.web_url, number: mergeRequest.iid },
      branch,
    );
  }

  /** A Gitbeaker failure: its timeout, or the status and GitLab's description. */
  private gitlabError(error: unknown, source: ScmSource, what: string): Error {
    const failure = error as Failure;
    if (failure?.name === 'GitbeakerTimeoutError') {
      return new ServiceUnavailableError(
        `GitLab did not answer in time to ${what} in ${source.name}`,
      );
    }
    const description = failure?.cause?.description;
    return this.requestError(
      {
        status: failure?.cause?.response?.status,
        ...(typeof description === 'string' ? { said: description } : {}),
      },
      source,
      what,
    );
  }
}
