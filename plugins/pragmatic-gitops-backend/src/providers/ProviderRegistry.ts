import {
  BackportCommitFinder,
  LiveStateProvider,
  PragmaticGitopsProvidersExtensionPoint,
  SecretResolver,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';

/**
 * What the providers extension point collects: the adapters of adopters'
 * backend modules (registered first, since modules start before the
 * plugin) and then the plugin's own.
 */
export class ProviderRegistry
  implements PragmaticGitopsProvidersExtensionPoint
{
  readonly liveStateProviders: LiveStateProvider[] = [];
  readonly secretResolvers: SecretResolver[] = [];
  readonly backportCommitFinders: BackportCommitFinder[] = [];

  addLiveStateProvider(...providers: LiveStateProvider[]): void {
    this.liveStateProviders.push(...providers);
  }

  addSecretResolver(...resolvers: SecretResolver[]): void {
    this.secretResolvers.push(...resolvers);
  }

  addBackportCommitFinder(...finders: BackportCommitFinder[]): void {
    this.backportCommitFinders.push(...finders);
  }
}
