/**
 * Back-port commits from GitLab (gitlab.com or self-managed): commits on the
 * default branch of the entity's source project since a date, through
 * `@gitbeaker/rest` and a host configured under `integrations.gitlab`.
 * Hosts that are not configured are never called; failures come back as
 * results, never thrown.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
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
import { GitlabClient, GitlabClients } from './gitlabClient';
import { GitlabProject, gitlabProjectOf } from './gitlabSource';

export type GitlabBackportCommitFinderOptions =
  ScmBackportCommitFinderOptions<GitlabClients>;

type CommitJson = {
  id?: unknown;
  web_url?: unknown;
  message?: unknown;
  committed_date?: unknown;
};

export class GitlabBackportCommitFinder extends ScmBackportCommitFinder<
  GitlabClient,
  GitlabProject
> {
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService; timeoutMs?: number } = {},
  ): GitlabBackportCommitFinder {
    return new GitlabBackportCommitFinder({
      clients: GitlabClients.fromConfig(config, {
        timeoutMs: options.timeoutMs,
      }),
      logger: options.logger,
    });
  }

  constructor(options: GitlabBackportCommitFinderOptions) {
    super('gitlab', 'GitLab', options);
  }

  protected sourceOf(entity: Entity): FinderSource<GitlabProject> {
    const source = gitlabProjectOf(entity);
    if ('reason' in source) return source;
    const { project } = source;
    return {
      repository: project,
      ref: {
        host: project.host,
        url: project.url,
        name: `${project.host}/${project.path}`,
      },
      label: project.path,
    };
  }

  protected async search(
    api: GitlabClient,
    project: GitlabProject,
    since: Date,
  ): Promise<BackportSearchResult> {
    const name = `project ${project.path}`;
    const info = (await this.call(name, () =>
      api.Projects.show(project.path),
    )) as { default_branch?: unknown };
    const branch = info?.default_branch;
    if (typeof branch !== 'string' || branch === '') {
      throw new ScmRequestFailed(
        `GitLab did not report a default branch for ${name}`,
      );
    }
    const commits = new Map<string, BackportCommit>();
    let truncated = false;
    for (let page = 1; page <= this.maxPages; page++) {
      // One page per call, so that every request has the timeout.
      const { data, paginationInfo } = await this.call(
        `commits of ${name}`,
        () =>
          api.Commits.all(project.path, {
            refName: branch,
            since: since.toISOString(),
            perPage: SCM_PER_PAGE,
            page,
            showExpanded: true,
          }),
      );
      if (!Array.isArray(data)) {
        throw new ScmRequestFailed(
          `GitLab answered a malformed commit list for ${name}`,
        );
      }
      for (const entry of data as CommitJson[]) {
        if (
          typeof entry?.id === 'string' &&
          typeof entry.message === 'string'
        ) {
          recordBackportCommit(commits, {
            sha: entry.id,
            url: typeof entry.web_url === 'string' ? entry.web_url : '',
            message: entry.message,
            ...(typeof entry.committed_date === 'string'
              ? { committedAt: entry.committed_date }
              : {}),
          });
        }
      }
      if (!paginationInfo?.next) break;
      if (page === this.maxPages) truncated = true;
    }
    return {
      type: 'found',
      commits,
      repository: `${project.host}/${project.path}`,
      branch,
      truncated,
    };
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      // Gitbeaker's queryTimeout does not end a body that trickles in.
      return await withDeadline(this.timeoutMs, fn);
    } catch (error) {
      const failure = error as {
        name?: string;
        cause?: { response?: { status?: number } };
      };
      if (
        failure?.name === 'GitbeakerTimeoutError' ||
        error instanceof DeadlineExceeded
      ) {
        throw new ScmRequestFailed(
          `GitLab did not answer within ${this.timeoutMs} ms for ${what}`,
        );
      }
      const status = failure?.cause?.response?.status;
      if (status) {
        throw new ScmRequestFailed(describeScmStatus('GitLab', status, what));
      }
      if (failure?.name === 'GitbeakerRetryError') {
        throw new ScmRequestFailed(`GitLab kept failing (429/502) for ${what}`);
      }
      throw new ScmRequestFailed(`GitLab could not be reached for ${what}`);
    }
  }
}
