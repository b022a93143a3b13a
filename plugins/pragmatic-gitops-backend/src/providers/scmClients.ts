/**
 * The clients of one SCM's configured hosts (GitHub, GitLab): only the hosts
 * listed under `integrations.<type>` are called, each with its integration's
 * token. A credentials provider's failure is named by its error's name only:
 * its message may carry a secret.
 */
import { DEFAULT_SCM_TIMEOUT_MS } from './scmBackportSearch';

export class ScmCredentialsUnavailable extends Error {}

type CredentialsProvider = {
  getCredentials(o: { url: string }): Promise<{ token?: string }>;
};

export async function scmToken(
  provider: CredentialsProvider,
  scm: 'GitHub' | 'GitLab',
  repository: { url: string; name: string },
): Promise<string | undefined> {
  try {
    return (await provider.getCredentials({ url: repository.url })).token;
  } catch (error) {
    throw new ScmCredentialsUnavailable(
      `could not get ${scm} credentials for ${repository.name}: ${
        (error as Error)?.name ?? 'error'
      }`,
    );
  }
}

/** The repository a client is made for: its host, its URL and how errors name it. */
export type ScmRepositoryRef = { host: string; url: string; name: string };

/**
 * The clients of one SCM's configured hosts. Credentials failures throw
 * `ScmCredentialsUnavailable`; a host with no usable integration is a reason.
 */
export interface ScmClients<Client> {
  /** Whether `host` is configured for this SCM: the only hosts ever called. */
  handles(host: string): boolean;
  clientFor(
    repository: ScmRepositoryRef,
  ): Promise<{ client: Client } | { reason: string }>;
}

/** The configured hosts, the credentials and the timeout of one SCM's clients. */
export abstract class ConfiguredScmClients<Client>
  implements ScmClients<Client>
{
  /** Per request; default 10 s. */
  readonly timeoutMs: number;
  private readonly hosts: Set<string>;

  protected constructor(
    private readonly scm: 'GitHub' | 'GitLab',
    options: { configuredHosts: string[]; timeoutMs?: number },
    private readonly credentials: CredentialsProvider,
  ) {
    this.hosts = new Set(options.configuredHosts.map(h => h.toLowerCase()));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_SCM_TIMEOUT_MS;
  }

  handles(host: string): boolean {
    return this.hosts.has(host.toLowerCase());
  }

  abstract clientFor(
    repository: ScmRepositoryRef,
  ): Promise<{ client: Client } | { reason: string }>;

  protected token(repository: ScmRepositoryRef): Promise<string | undefined> {
    return scmToken(this.credentials, this.scm, repository);
  }
}
