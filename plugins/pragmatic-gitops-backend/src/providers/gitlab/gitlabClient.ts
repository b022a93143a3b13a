/**
 * The `@gitbeaker/rest` clients of the GitLab integrations: the hosts
 * configured under `integrations.gitlab` (the only ones called), the
 * integration's token and a timeout per request. The back-port commit finder
 * and the back-port merge request opener both get their clients from here.
 */
import { Config } from '@backstage/config';
import {
  DefaultGitlabCredentialsProvider,
  GitlabCredentialsProvider,
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { Gitlab } from '@gitbeaker/rest';
import { configuredScmHosts } from '../scmBackportSearch';
import { ConfiguredScmClients, ScmRepositoryRef } from '../scmClients';

export type GitlabClient = InstanceType<typeof Gitlab>;

export type GitlabClientsOptions = {
  integrations: ScmIntegrationRegistry;
  /** Hosts listed under `integrations.gitlab`: the only ones called. */
  configuredHosts: string[];
  credentialsProvider?: GitlabCredentialsProvider;
  /** Per request; default 10 s. */
  timeoutMs?: number;
};

export class GitlabClients extends ConfiguredScmClients<GitlabClient> {
  static fromConfig(
    config: Config,
    options: { timeoutMs?: number } = {},
  ): GitlabClients {
    return new GitlabClients({
      integrations: ScmIntegrations.fromConfig(config),
      configuredHosts: [...configuredScmHosts(config, 'gitlab')],
      ...options,
    });
  }

  constructor(private readonly options: GitlabClientsOptions) {
    super(
      'GitLab',
      options,
      options.credentialsProvider ??
        DefaultGitlabCredentialsProvider.fromIntegrations(options.integrations),
    );
  }

  async clientFor(
    repository: ScmRepositoryRef,
  ): Promise<{ client: GitlabClient } | { reason: string }> {
    const integration = this.handles(repository.host)
      ? this.options.integrations.gitlab.byHost(repository.host)
      : undefined;
    if (!integration) {
      return {
        reason: `no GitLab integration is configured for ${repository.host}`,
      };
    }
    const token = await this.token(repository);
    // As a Bearer token: fetch drops Authorization on a redirect to another
    // host, which it would not do for GitLab's PRIVATE-TOKEN header.
    return {
      client: new Gitlab({
        host: integration.config.baseUrl.replace(/\/+$/, ''),
        ...(token ? { oauthToken: token } : {}),
        queryTimeout: this.timeoutMs,
      }),
    };
  }
}
