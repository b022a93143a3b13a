import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { BackportCommitFinder } from './BackportCommitFinder';
import { LiveStateProvider } from './LiveStateProvider';
import { SecretResolver } from './SecretResolver';

/**
 * Where backend modules add sources to the Pragmatic GitOps plugin. The
 * plugin registers its own adapters (Argo CD, Kubernetes, pushed
 * observations, Vault, GitHub, …) the same way.
 *
 * @public
 */
export interface PragmaticGitopsProvidersExtensionPoint {
  addLiveStateProvider(...providers: LiveStateProvider[]): void;
  addSecretResolver(...resolvers: SecretResolver[]): void;
  addBackportCommitFinder(...finders: BackportCommitFinder[]): void;
}

/** @public */
export const pragmaticGitopsProvidersExtensionPoint =
  createExtensionPoint<PragmaticGitopsProvidersExtensionPoint>({
    id: 'pragmatic-gitops.providers',
  });
