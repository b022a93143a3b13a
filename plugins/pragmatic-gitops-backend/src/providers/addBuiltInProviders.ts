import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { PragmaticGitopsProvidersExtensionPoint } from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { ObservationStore } from '../observations/ObservationStore';
import { ArgoCdProvider } from './argocd';
import { GithubBackportCommitFinder } from './github';
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
    observationStore: ObservationStore;
  },
): void {
  const { config, logger } = deps;
  providers.addLiveStateProvider(
    ArgoCdProvider.fromConfig(config, { logger }),
    new ObservationProvider(deps.observationStore),
  );
  providers.addSecretResolver(
    VaultSecretResolver.fromConfig(config, { logger }),
  );
  providers.addBackportCommitFinder(
    GithubBackportCommitFinder.fromConfig(config, { logger }),
  );
}
