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
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import {
  BackportCommit,
  BackportCommitFinder,
  BackportSearchResult,
  commitSubject,
  parseBackportTrailers,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { GithubRepository, githubRepositoryOf } from './githubSource';

export const DEFAULT_TIMEOUT_MS = 10_000;
const PER_PAGE = 100;
const DEFAULT_MAX_PAGES = 3;

export type GithubBackportCommitFinderOptions = {
  integrations: ScmIntegrationRegistry;
  /** Hosts listed under `integrations.github` in config: the only ones called. */
  configuredHosts: string[];
  credentialsProvider?: GithubCredentialsProvider;
  logger?: LoggerService;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** Pages of 100 commits read at most; default 3. */
  maxPages?: number;
};

class RequestFailed extends Error {}

type CommitJson = {
  sha?: unknown;
  html_url?: unknown;
  commit?: { message?: unknown; committer?: { date?: unknown } | null };
};

function describeStatus(status: number, what: string, rateLimited: boolean) {
  if (status === 401) {
    return `GitHub rejected the credentials (401) for ${what}`;
  }
  if (status === 403 || status === 429) {
    return rateLimited
      ? `GitHub rate limit exceeded (${status}) for ${what}`
      : `GitHub refused access (${status}) to ${what}`;
  }
  if (status === 404) {
    return `${what} not found on GitHub (404), or the integration's credentials cannot read it`;
  }
  if (status >= 300 && status < 400) {
    return `GitHub answered a redirect (${status}) for ${what}: the repository may have moved, update the source location`;
  }
  return `GitHub answered ${status} for ${what}`;
}

export class GithubBackportCommitFinder implements BackportCommitFinder {
  readonly name = 'github';

  static fromConfig(
    config: Config,
    options: { logger?: LoggerService; timeoutMs?: number } = {},
  ): GithubBackportCommitFinder {
    const integrations = ScmIntegrations.fromConfig(config);
    const configuredHosts = (
      config.getOptionalConfigArray('integrations.github') ?? []
    ).map(entry => entry.getOptionalString('host') ?? 'github.com');
    return new GithubBackportCommitFinder({
      integrations,
      configuredHosts,
      credentialsProvider:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      ...options,
    });
  }

  private readonly hosts: Set<string>;
  private readonly credentials: GithubCredentialsProvider;
  private readonly timeoutMs: number;
  private readonly maxPages: number;

  constructor(private readonly options: GithubBackportCommitFinderOptions) {
    this.hosts = new Set(options.configuredHosts.map(h => h.toLowerCase()));
    this.credentials =
      options.credentialsProvider ??
      DefaultGithubCredentialsProvider.fromIntegrations(options.integrations);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxPages = Math.max(1, options.maxPages ?? DEFAULT_MAX_PAGES);
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
    const host = repository.host.toLowerCase();
    const integration = this.hosts.has(host)
      ? this.options.integrations.github.byHost(host)
      : undefined;
    if (!integration) {
      return {
        type: 'unsupported',
        reason: `no GitHub integration is configured for ${repository.host}`,
      };
    }
    const apiBaseUrl = integration.config.apiBaseUrl?.replace(/\/+$/, '');
    if (!apiBaseUrl) {
      return {
        type: 'unsupported',
        reason: `the GitHub integration for ${repository.host} has no apiBaseUrl`,
      };
    }
    try {
      return await this.search(apiBaseUrl, repository, options.since);
    } catch (error) {
      const reason =
        error instanceof RequestFailed
          ? error.message
          : `GitHub request failed for ${repository.owner}/${repository.repo}`;
      this.options.logger?.warn(`Back-port commit search: ${reason}`);
      return { type: 'error', reason };
    }
  }

  private async search(
    apiBaseUrl: string,
    repository: GithubRepository,
    since: Date,
  ): Promise<BackportSearchResult> {
    const headers = await this.headers(repository);
    const repoPath = `${apiBaseUrl}/repos/${encodeURIComponent(
      repository.owner,
    )}/${encodeURIComponent(repository.repo)}`;
    const name = `repository ${repository.owner}/${repository.repo}`;

    const repo = (await this.get(apiBaseUrl, repoPath, headers, name)) as {
      default_branch?: unknown;
    } | null;
    const branch = repo?.default_branch;
    if (typeof branch !== 'string' || branch === '') {
      throw new RequestFailed(
        `GitHub did not report a default branch for ${name}`,
      );
    }

    const commits = new Map<string, BackportCommit>();
    let truncated = false;
    for (let page = 1; page <= this.maxPages; page++) {
      const url = `${repoPath}/commits?sha=${encodeURIComponent(
        branch,
      )}&since=${encodeURIComponent(
        since.toISOString(),
      )}&per_page=${PER_PAGE}&page=${page}`;
      const list = await this.get(
        apiBaseUrl,
        url,
        headers,
        `commits of ${name}`,
      );
      if (!Array.isArray(list)) {
        throw new RequestFailed(
          `GitHub answered a malformed commit list for ${name}`,
        );
      }
      for (const entry of list as CommitJson[]) {
        this.collect(entry, commits);
      }
      if (list.length < PER_PAGE) {
        break;
      }
      if (page === this.maxPages) {
        truncated = true;
      }
    }
    return {
      type: 'found',
      commits,
      repository: `${repository.host}/${repository.owner}/${repository.repo}`,
      branch,
      truncated,
    };
  }

  /** Newest commits come first: a later (older) commit replaces an earlier. */
  private collect(entry: CommitJson, commits: Map<string, BackportCommit>) {
    const message = entry?.commit?.message;
    if (typeof entry?.sha !== 'string' || typeof message !== 'string') {
      return;
    }
    const date = entry.commit?.committer?.date;
    const commit: BackportCommit = {
      sha: entry.sha,
      url: typeof entry.html_url === 'string' ? entry.html_url : '',
      subject: commitSubject(message),
      ...(typeof date === 'string' ? { committedAt: date } : {}),
    };
    for (const id of parseBackportTrailers(message)) {
      commits.set(id, commit);
    }
  }

  private async headers(
    repository: GithubRepository,
  ): Promise<Record<string, string>> {
    let credentials;
    try {
      credentials = await this.credentials.getCredentials({
        url: repository.url,
      });
    } catch (error) {
      throw new RequestFailed(
        `could not get GitHub credentials for ${repository.host}/${
          repository.owner
        }: ${(error as Error)?.name ?? 'error'}`,
      );
    }
    const headers: Record<string, string> = {
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
    };
    if (credentials?.headers?.Authorization) {
      headers.Authorization = credentials.headers.Authorization;
    } else if (credentials?.token) {
      headers.Authorization = `token ${credentials.token}`;
    }
    return headers;
  }

  private async get(
    apiBaseUrl: string,
    url: string,
    headers: Record<string, string>,
    what: string,
  ): Promise<unknown> {
    if (!url.startsWith(`${apiBaseUrl}/`)) {
      // Never reached: every URL is built from apiBaseUrl. Kept as the guard
      // that keeps the token away from any other host.
      throw new RequestFailed(`refusing to call outside ${apiBaseUrl}`);
    }
    let response: Response;
    try {
      response = await fetch(url, {
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new RequestFailed(
          `GitHub did not answer within ${this.timeoutMs} ms for ${what}`,
        );
      }
      throw new RequestFailed(`GitHub could not be reached for ${what}`);
    }
    if (!response.ok) {
      const rateLimited = response.headers.get('x-ratelimit-remaining') === '0';
      await response.text().catch(() => undefined); // release the connection
      throw new RequestFailed(
        describeStatus(response.status, what, rateLimited),
      );
    }
    try {
      return await response.json();
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new RequestFailed(
          `GitHub did not answer within ${this.timeoutMs} ms for ${what}`,
        );
      }
      throw new RequestFailed(`GitHub answered malformed JSON for ${what}`);
    }
  }
}
