/**
 * What the GitHub and GitLab openers share: the hosts they serve and their
 * clients (from the SCM's `ScmClients`), the refusals made before anything
 * is written (archived, may not push), and errors that name the repository
 * and say what the token needs.
 */
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ScmClients,
  ScmCredentialsUnavailable,
} from '../../providers/scmClients';
import type { RememberedPullRequest } from '../BackportPullRequestStore';
import type {
  BackportPullRequestRequest,
  OpenedPullRequest,
  PullRequestOpener,
} from './PullRequestOpener';
import { ScmSource, scmSourceOf } from './scmSource';

export type ScmKind = {
  type: 'github' | 'gitlab';
  /** How messages name the SCM. */
  scm: 'GitHub' | 'GitLab';
  /** How messages name a request: `pull request`, `merge request`. */
  request: string;
  /** What the integration's token needs to open one. */
  needs: string;
  /** Statuses that mean the SCM refused the request as it stands. */
  conflictStatuses: number[];
};

export abstract class ScmPullRequestOpener<Client>
  implements PullRequestOpener
{
  readonly type: 'github' | 'gitlab';

  protected constructor(
    protected readonly kind: ScmKind,
    private readonly clients: ScmClients<Client>,
  ) {
    this.type = kind.type;
  }

  handles(sourceUrl: string): boolean {
    const source = scmSourceOf(sourceUrl, this.type);
    return Boolean(source && this.clients.handles(source.host));
  }

  abstract open(
    request: BackportPullRequestRequest,
  ): Promise<OpenedPullRequest | undefined>;

  abstract isOpen(
    sourceUrl: string,
    pullRequest: RememberedPullRequest,
  ): Promise<boolean>;

  /** The source's repository and a client for it, or a 409/403 saying why not. */
  protected async connect(
    sourceUrl: string,
  ): Promise<{ source: ScmSource; client: Client }> {
    const { scm, request } = this.kind;
    const source = scmSourceOf(sourceUrl, this.type);
    if (!source) {
      throw new ConflictError(
        `Cannot open a back-port ${request} for ${sourceUrl}: it is not a ${scm} repository URL`,
      );
    }
    let made;
    try {
      made = await this.clients.clientFor(source);
    } catch (error) {
      if (error instanceof ScmCredentialsUnavailable) {
        throw new NotAllowedError(error.message.replace(/^could/, 'Could'));
      }
      throw error;
    }
    if ('reason' in made) {
      throw new ConflictError(
        `Cannot open a back-port ${request} in ${source.name}: ${made.reason}`,
      );
    }
    return { source, client: made.client };
  }

  /** Refuses before anything is written, when the SCM says the token can't. */
  protected refuseUnwritable(
    source: ScmSource,
    repository: { archived?: boolean; mayPush: boolean },
  ) {
    const { scm, request, needs } = this.kind;
    if (repository.archived) {
      throw new ConflictError(
        `${source.name} is archived on ${scm}: it is read-only, so no back-port ${request} can be opened`,
      );
    }
    if (!repository.mayPush) {
      throw new NotAllowedError(
        `The ${scm} integration may not push to ${source.name}: its token needs ${needs}`,
      );
    }
  }

  /**
   * A failed request (its HTTP status, and what the SCM said) as an error a
   * person can act on, naming the repository.
   */
  protected requestError(
    failure: { status?: number; said?: string },
    source: ScmSource,
    what: string,
  ): Error {
    const { scm, needs, conflictStatuses } = this.kind;
    const { status, said } = failure;
    const { name } = source;
    if (status === 401 || status === 403) {
      return new NotAllowedError(
        `${scm} refused (${status}) to let the integration ${what} in ${name}: its token needs ${needs}${
          said ? ` (${scm} said: ${said})` : ''
        }`,
      );
    }
    if (status === 404) {
      return new NotFoundError(
        `${scm} found nothing (404) to ${what} in ${name}, or the integration's token cannot read it`,
      );
    }
    if (status !== undefined && conflictStatuses.includes(status)) {
      return new ConflictError(
        `${scm} refused to ${what} in ${name} (${status})${
          said ? `: ${said}` : ''
        }`,
      );
    }
    return new ServiceUnavailableError(
      status
        ? `${scm} answered ${status} to ${what} in ${name}`
        : `${scm} could not be reached to ${what} in ${name}`,
    );
  }

  protected remembered(
    source: ScmSource,
    request: { url: string; number: number },
    branch: string,
  ): RememberedPullRequest {
    return { repository: source.name, ...request, branch };
  }
}
