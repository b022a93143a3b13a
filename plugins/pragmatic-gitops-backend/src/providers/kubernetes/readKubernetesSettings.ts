import { Config, ConfigReader } from '@backstage/config';
import { InstanceConfigReader } from '../readInstances';

export const KUBERNETES_SETTINGS_KEY = 'pragmaticGitops.kubernetes';
export const DEFAULT_KUBERNETES_CONCURRENCY = 8;
export const DEFAULT_KUBERNETES_TIMEOUT_MS = 10_000;

export type KubernetesSettings = {
  /** Read clusters at all; default true when any cluster is configured. */
  enabled: boolean;
  /** Requests in flight at once per cluster. */
  concurrency: number;
  /** Per request, in milliseconds. */
  timeoutMs: number;
};

/** `pragmaticGitops.kubernetes`: how hard the provider may press each cluster. */
export function readKubernetesSettings(config: Config): KubernetesSettings {
  const reader = new InstanceConfigReader({
    service: 'Kubernetes',
    key: KUBERNETES_SETTINGS_KEY,
    exampleUrl: 'https://kubernetes.example.com',
  });
  const settings =
    reader.read(KUBERNETES_SETTINGS_KEY, () =>
      config.getOptionalConfig(KUBERNETES_SETTINGS_KEY),
    ) ?? new ConfigReader({});
  return {
    enabled:
      reader.read(`${KUBERNETES_SETTINGS_KEY}.enabled`, () =>
        settings.getOptionalBoolean('enabled'),
      ) ?? true,
    concurrency: reader.positiveInteger(
      settings,
      'concurrency',
      KUBERNETES_SETTINGS_KEY,
      DEFAULT_KUBERNETES_CONCURRENCY,
      256,
    ),
    timeoutMs: reader.positiveInteger(
      settings,
      'timeoutMs',
      KUBERNETES_SETTINGS_KEY,
      DEFAULT_KUBERNETES_TIMEOUT_MS,
      300_000,
    ),
  };
}
