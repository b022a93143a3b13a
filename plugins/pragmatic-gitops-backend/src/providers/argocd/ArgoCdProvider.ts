import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  ANNOTATION_ARGOCD_APP_NAME,
  ANNOTATION_ARGOCD_INSTANCE_NAME,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  LiveStateProvider,
  LiveStateResult,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { ArgoCdClient, ArgoCdRequestError } from './ArgoCdClient';
import {
  ArgoCdResponseShapeError,
  parseApplication,
  parseManagedResources,
} from './parseManagedResources';
import {
  ARGOCD_INSTANCES_CONFIG_KEY,
  ArgoCdInstanceConfig,
  readArgoCdConfig,
} from './readArgoCdConfig';

export type ArgoCdProviderOptions = {
  logger: LoggerService;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
};

/** Kubernetes object names (DNS-1123 subdomain), which Application names are. */
const APP_NAME_PATTERN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const APP_NAME_MAX_LENGTH = 253;

type Unknown = Extract<LiveStateResult, { type: 'unknown' }>;

/**
 * Live state from Argo CD: application sync/health status plus the live and
 * target objects of its managed resources. Entities name an application with
 * `argocd/app-name` and optionally an instance with `argocd/instance-name`;
 * instances (and so every URL and token) come only from app-config.
 * Never throws from `getLiveState`: failures become `unknown` with a reason.
 */
export class ArgoCdProvider implements LiveStateProvider {
  readonly name = 'argocd';

  private readonly logger: LoggerService;
  private readonly clients: Map<string, ArgoCdClient>;

  static fromConfig(
    config: Config,
    options: ArgoCdProviderOptions,
  ): ArgoCdProvider {
    return new ArgoCdProvider(readArgoCdConfig(config), options);
  }

  constructor(
    instances: ArgoCdInstanceConfig[],
    options: ArgoCdProviderOptions,
  ) {
    this.logger = options.logger;
    // A Map, so that names like `__proto__` or `constructor` never match.
    this.clients = new Map(
      instances.map(instance => [
        instance.name,
        new ArgoCdClient(instance, { fetch: options.fetch }),
      ]),
    );
  }

  async getLiveState(
    entity: Entity,
    entityRef: string,
  ): Promise<LiveStateResult> {
    try {
      return await this.observe(entity, entityRef);
    } catch (error) {
      // Should not happen; keep the promise of never throwing.
      const reason = `Argo CD live state could not be read because of an internal error (${
        error instanceof Error ? error.name : typeof error
      })`;
      this.logger.warn(`Argo CD live state for ${entityRef}: ${reason}`);
      return { type: 'unknown', reason };
    }
  }

  private async observe(
    entity: Entity,
    entityRef: string,
  ): Promise<LiveStateResult> {
    const annotations = entity.metadata.annotations ?? {};
    const rawAppName = annotations[ANNOTATION_ARGOCD_APP_NAME];
    // Without any configured instance, the community annotation alone is only
    // informational (the Argo CD plugin may use it): other providers answer.
    // Naming an instance explicitly still has to resolve.
    const noneConfigured =
      this.clients.size === 0 &&
      annotations[ANNOTATION_ARGOCD_INSTANCE_NAME] === undefined;
    if (rawAppName === undefined || noneConfigured) {
      return { type: 'none' };
    }

    const selected = this.selectClient(annotations);
    if ('type' in selected) {
      this.logger.debug(
        `Argo CD live state for ${entityRef}: ${selected.reason}`,
      );
      return selected;
    }
    const { client } = selected;
    const instanceName = client.instance.name;

    const appName = typeof rawAppName === 'string' ? rawAppName.trim() : '';
    if (
      !APP_NAME_PATTERN.test(appName) ||
      appName.length > APP_NAME_MAX_LENGTH
    ) {
      const shown = JSON.stringify(String(rawAppName).slice(0, 100));
      const message = `Annotation ${ANNOTATION_ARGOCD_APP_NAME} has the value ${shown}, which is not a valid Argo CD application name (lowercase letters, digits, '-' and '.', at most ${APP_NAME_MAX_LENGTH} characters)`;
      this.logger.debug(`Argo CD live state for ${entityRef}: ${message}`);
      return {
        type: 'unknown',
        reason: message,
        findings: [
          {
            severity: 'error',
            code: 'invalid-argocd-app-name',
            message,
            location: ANNOTATION_ARGOCD_APP_NAME,
          },
        ],
      };
    }

    // Both requests run side by side; the first failure cancels the other.
    const controller = new AbortController();
    const cancelOnFailure = <T>(promise: Promise<T>) =>
      promise.catch(error => {
        controller.abort();
        throw error;
      });
    const [application, managed] = await Promise.allSettled([
      cancelOnFailure(client.getApplication(appName, controller.signal)),
      cancelOnFailure(client.getManagedResources(appName, controller.signal)),
    ]);

    try {
      if (application.status === 'rejected' || managed.status === 'rejected') {
        throw firstRealError([application, managed]);
      }
      const summary = parseApplication(application.value);
      const { objects, desiredObjects } = parseManagedResources(managed.value);

      const providerStatus: NonNullable<
        Extract<LiveStateResult, { type: 'observed' }>['providerStatus']
      > = {};
      if (summary.sync) providerStatus.sync = summary.sync;
      if (summary.health) providerStatus.health = summary.health;
      if (summary.revision) providerStatus.revision = summary.revision;
      if (summary.operation) providerStatus.operation = summary.operation;

      return {
        type: 'observed',
        source: `argocd:${instanceName}`,
        // Argo CD's own time for this live state, never later than now.
        observedAt: observedAt(summary.reconciledAt),
        objects,
        desiredObjects,
        providerStatus,
      };
    } catch (error) {
      const reason = describeFailure(error, instanceName, appName);
      // The reason never contains the token or object contents.
      this.logger.warn(
        `Argo CD live state for ${entityRef} is unknown: ${reason}`,
      );
      return { type: 'unknown', reason };
    }
  }

  private selectClient(
    annotations: Record<string, string>,
  ): { client: ArgoCdClient } | Unknown {
    const configured = [...this.clients.keys()];
    const requested = annotations[ANNOTATION_ARGOCD_INSTANCE_NAME];

    if (requested !== undefined) {
      const wanted = String(requested).trim();
      const client = this.clients.get(wanted);
      if (client) {
        return { client };
      }
      const shown = JSON.stringify(String(requested).slice(0, 100));
      const known = configured.length
        ? `configured instances: ${configured.join(', ')}`
        : `no instances are configured under ${ARGOCD_INSTANCES_CONFIG_KEY}`;
      const message = `Annotation ${ANNOTATION_ARGOCD_INSTANCE_NAME} names the Argo CD instance ${shown}, which is not configured (${known})`;
      return {
        type: 'unknown',
        reason: message,
        findings: [
          {
            severity: 'error',
            code: 'unknown-argocd-instance',
            message,
            location: ANNOTATION_ARGOCD_INSTANCE_NAME,
          },
        ],
      };
    }

    if (configured.length === 1) {
      return { client: this.clients.get(configured[0])! };
    }
    return {
      type: 'unknown',
      reason: `Several Argo CD instances are configured (${configured.join(
        ', ',
      )}); add the ${ANNOTATION_ARGOCD_INSTANCE_NAME} annotation to say which one runs this application`,
    };
  }
}

function firstRealError(results: PromiseSettledResult<unknown>[]): unknown {
  const errors = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map(r => r.reason);
  return (
    errors.find(
      e => !(e instanceof ArgoCdRequestError && e.kind === 'aborted'),
    ) ?? errors[0]
  );
}

function describeFailure(
  error: unknown,
  instanceName: string,
  appName: string,
): string {
  if (error instanceof ArgoCdRequestError) {
    return error.message;
  }
  if (error instanceof ArgoCdResponseShapeError) {
    return `Argo CD instance '${instanceName}' returned an unexpected response for application '${appName}': ${error.message}`;
  }
  return `Reading application '${appName}' from Argo CD instance '${instanceName}' failed unexpectedly (${
    error instanceof Error ? error.name : typeof error
  })`;
}

function observedAt(reconciledAt: Date | undefined): Date {
  const now = new Date();
  return reconciledAt && reconciledAt.getTime() < now.getTime()
    ? reconciledAt
    : now;
}
