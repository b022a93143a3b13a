export { KubernetesProvider, labelSelectorOf } from './KubernetesProvider';
export type { KubernetesProviderOptions } from './KubernetesProvider';
export {
  KubernetesApiClient,
  ClusterUnavailableError,
} from './KubernetesApiClient';
export { readClusterConfig, clusterFromEntity } from './clusterConfig';
export type { ClusterSpec } from './clusterConfig';
export { readKubernetesSettings } from './readKubernetesSettings';
export { fluxProviderStatus } from './fluxStatus';
