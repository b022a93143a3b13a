export { ArgoCdProvider } from './ArgoCdProvider';
export type { ArgoCdProviderOptions } from './ArgoCdProvider';
export { ArgoCdClient, ArgoCdRequestError } from './ArgoCdClient';
export type { ArgoCdClientOptions } from './ArgoCdClient';
export {
  readArgoCdConfig,
  ARGOCD_INSTANCES_CONFIG_KEY,
  DEFAULT_ARGOCD_CONCURRENCY,
  DEFAULT_ARGOCD_TIMEOUT_MS,
} from './readArgoCdConfig';
export type { ArgoCdInstanceConfig } from './readArgoCdConfig';
export {
  parseApplication,
  parseManagedResources,
  ArgoCdResponseShapeError,
} from './parseManagedResources';
export type {
  ArgoCdApplicationSummary,
  ArgoCdResourceStatus,
  ParsedManagedResources,
} from './parseManagedResources';
