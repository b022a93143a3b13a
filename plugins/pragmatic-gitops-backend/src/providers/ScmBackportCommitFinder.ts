/**
 * What the GitHub and GitLab back-port commit finders share: the entity's
 * repository on a configured host, a client for it, and every failure as a
 * result with a reason for a person (logged), never thrown.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  BackportCommitFinder,
  BackportSearchResult,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { DEFAULT_SCM_MAX_PAGES } from './scmBackportSearch';
import {
  ConfiguredScmClients,
  ScmCredentialsUnavailable,
  ScmRepositoryRef,
} from './scmClients';

/** A request that failed, its message the reason a person reads. */
export class ScmRequestFailed extends Error {}

export type ScmBackportCommitFinderOptions<Clients> = {
  /** The configured hosts' clients; their timeout is also each call's deadline. */
  clients: Clients;
  logger?: LoggerService;
  /** Pages of 100 commits read at most; default 3. */
  maxPages?: number;
};

/** The repository of an entity's source, or why it has none to search. */
export type FinderSource<Repository> =
  | { repository: Repository; ref: ScmRepositoryRef; label: string }
  | { reason: string };

export abstract class ScmBackportCommitFinder<Client, Repository>
  implements BackportCommitFinder
{
  protected readonly timeoutMs: number;
  protected readonly maxPages: number;

  protected constructor(
    readonly name: 'github' | 'gitlab',
    private readonly scm: 'GitHub' | 'GitLab',
    private readonly options: ScmBackportCommitFinderOptions<
      ConfiguredScmClients<Client>
    >,
  ) {
    this.timeoutMs = options.clients.timeoutMs;
    this.maxPages = Math.max(1, options.maxPages ?? DEFAULT_SCM_MAX_PAGES);
  }

  async findBackports(
    entity: Entity,
    options: { since: Date },
  ): Promise<BackportSearchResult> {
    const source = this.sourceOf(entity);
    if ('reason' in source) {
      return { type: 'unsupported', reason: source.reason };
    }
    try {
      const made = await this.options.clients.clientFor(source.ref);
      if ('reason' in made) {
        return { type: 'unsupported', reason: made.reason };
      }
      return await this.search(made.client, source.repository, options.since);
    } catch (error) {
      const reason =
        error instanceof ScmRequestFailed ||
        error instanceof ScmCredentialsUnavailable
          ? error.message
          : `${this.scm} request failed for ${source.label}`;
      this.options.logger?.warn(`Back-port commit search: ${reason}`);
      return { type: 'error', reason };
    }
  }

  protected abstract sourceOf(entity: Entity): FinderSource<Repository>;

  /** Throws `ScmRequestFailed` with the reason when a request fails. */
  protected abstract search(
    client: Client,
    repository: Repository,
    since: Date,
  ): Promise<BackportSearchResult>;
}
