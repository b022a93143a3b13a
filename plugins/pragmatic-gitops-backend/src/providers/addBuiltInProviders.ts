import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PragmaticGitopsProvidersExtensionPoint } from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { ObservationStore } from '../observations/ObservationStore';
import { SecretDigest } from '../observations/secretDigest';
import { ArgoCdProvider } from './argocd';
import { AwsSecretsManagerResolver } from './aws';
import { GithubBackportCommitFinder } from './github';
import { GitlabBackportCommitFinder } from './gitlab';
import { KubernetesProvider } from './kubernetes';
import { ObservationProvider } from './observations/ObservationProvider';
import { VaultSecretResolver } from './vault';

/**
 * The plugin's own adapters, registered through the same extension point
 * as adopters' modules. Each reads its own config and does nothing for an
 * entity it has no configuration for.
 */
export function addBuiltInProviders(
  providers: PragmaticGitopsProvidersExtensionPoint,
  deps: {
    config: Config;
    logger: LoggerService;
    catalog: CatalogService;
    auth: AuthService;
    observationStore: ObservationStore;
    secretDigest: SecretDigest;
  },
): void {
  const { config, logger } = deps;
  providers.addLiveStateProvider(
    ArgoCdProvider.fromConfig(config, { logger }),
    KubernetesProvider.fromConfig(config, deps),
    new ObservationProvider(deps.observationStore),
  );
  providers.addSecretResolver(
    VaultSecretResolver.fromConfig(config, { logger }),
    AwsSecretsManagerResolver.fromConfig(config, { logger }),
  );
  providers.addBackportCommitFinder(
    GithubBackportCommitFinder.fromConfig(config, { logger }),
    GitlabBackportCommitFinder.fromConfig(config, { logger }),
  );
}
