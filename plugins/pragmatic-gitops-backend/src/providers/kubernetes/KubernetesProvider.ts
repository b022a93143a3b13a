/**
 * Live objects read straight from the clusters the Backstage Kubernetes
 * plugin's configuration names. For an entity with
 * `backstage.io/kubernetes-id` or `backstage.io/kubernetes-label-selector`,
 * on every cluster: LIST by the entity's label selector each kind Git
 * declares plus the usual children (ReplicaSets, Pods, Jobs) and Flux's
 * Kustomizations and HelmReleases, then GET by name each desired object the
 * lists did not return. Secrets are reduced to digests before anything
 * leaves the provider. Read-only: GET is the only request ever sent.
 */
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  KubeObject,
  LiveStateContext,
  LiveStateProvider,
  LiveStateResult,
  ProviderStatus,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { redactLiveState } from '../../observations/redactSecrets';
import { SecretDigest } from '../../observations/secretDigest';
import {
  ClusterSpec,
  clusterFromEntity,
  readClusterConfig,
} from './clusterConfig';
import { FLUX_KINDS, fluxProviderStatus } from './fluxStatus';
import {
  ClusterUnavailableError,
  KubernetesApiClient,
} from './KubernetesApiClient';
import {
  KubernetesSettings,
  readKubernetesSettings,
} from './readKubernetesSettings';

export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';

/** Children of declared workloads, listed so owned ones and unowned extras are seen. */
export const CHILD_KINDS = [
  { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
  { apiVersion: 'v1', kind: 'Pod' },
  { apiVersion: 'batch/v1', kind: 'Job' },
];

type ClusterRead =
  | { ok: true; cluster: string; objects: KubeObject[]; flux?: ProviderStatus }
  | { ok: false; cluster: string; reason: string };

type Kind = { apiVersion: string; kind: string };

export type KubernetesProviderOptions = {
  /** Clusters of `config` locators. */
  clusters: ClusterSpec[];
  /** Also read Resource entities of type `kubernetes-cluster` (`catalog` locator). */
  catalog?: { catalog: CatalogService; auth: AuthService };
  settings: KubernetesSettings;
  logger: LoggerService;
  /** Secret data is reduced with it before anything leaves the provider. */
  secretDigest: SecretDigest;
  /** Token of clusters that configure none; default the pod's service-account token. */
  inClusterTokenFile?: string;
};

export class KubernetesProvider implements LiveStateProvider {
  readonly name = 'kubernetes';

  static fromConfig(
    config: Config,
    deps: {
      logger: LoggerService;
      catalog: CatalogService;
      auth: AuthService;
      secretDigest: SecretDigest;
      inClusterTokenFile?: string;
    },
  ): KubernetesProvider {
    const settings = readKubernetesSettings(config);
    const reading = readClusterConfig(config, deps.inClusterTokenFile);
    for (const problem of reading.unsupported) {
      deps.logger.warn(`Kubernetes live state: ${problem}`);
    }
    return new KubernetesProvider({
      clusters: reading.clusters,
      catalog: reading.fromCatalog
        ? { catalog: deps.catalog, auth: deps.auth }
        : undefined,
      settings,
      logger: deps.logger,
      secretDigest: deps.secretDigest,
      inClusterTokenFile: deps.inClusterTokenFile,
    });
  }

  private readonly clients = new Map<string, KubernetesApiClient>();
  private catalogClusters?: Promise<ClusterSpec[]>;
  private readonly reported = new Set<string>();

  constructor(private readonly options: KubernetesProviderOptions) {}

  async startScan(): Promise<void> {
    for (const client of this.clients.values()) {
      client.resetDiscovery();
    }
    this.catalogClusters = undefined;
  }

  async getLiveState(
    entity: Entity,
    _entityRef: string,
    context: LiveStateContext,
  ): Promise<LiveStateResult | LiveStateResult[]> {
    const selector = labelSelectorOf(entity);
    if (!selector || !this.options.settings.enabled) {
      return { type: 'none' };
    }
    const desired = context.desired.filter(isKubernetesObject);
    if (desired.length === 0) {
      return { type: 'none' };
    }
    const clients = await this.currentClients();
    if (clients.length === 0) {
      return { type: 'none' };
    }
    const observedAt = new Date();
    const reads = await Promise.all(
      clients.map(client =>
        readCluster(client, desired, selector, context.defaultNamespace),
      ),
    );
    const failed = reads.filter(
      (r): r is Extract<ClusterRead, { ok: false }> => !r.ok,
    );
    const reached = reads.filter(
      (r): r is Extract<ClusterRead, { ok: true }> => r.ok,
    );
    if (failed.length > 0) {
      const missing = desired.filter(
        object =>
          !reached.some(r => r.objects.some(live => sameObject(object, live))),
      );
      if (missing.length > 0) {
        return {
          type: 'unknown',
          reason: `${failed.map(f => f.reason).join('; ')}: ${
            missing.length
          } desired object(s) were not found on the clusters that could be read`,
        };
      }
    }
    const seen = reached.filter(r => r.objects.length > 0 || r.flux);
    if (seen.length === 0) {
      // Reachable, and nothing there: every desired object is missing.
      return {
        type: 'observed',
        source: `kubernetes:${reached.map(r => r.cluster).join(',')}`,
        observedAt,
        objects: [],
      };
    }
    return seen.map(read => ({
      type: 'observed',
      source: `kubernetes:${read.cluster}`,
      observedAt,
      ...redactLiveState({ objects: read.objects }, this.options.secretDigest),
      ...(read.flux ? { providerStatus: read.flux } : {}),
    }));
  }

  private async currentClients(): Promise<KubernetesApiClient[]> {
    const clusters = [
      ...this.options.clusters,
      ...(await this.clustersFromCatalog()),
    ];
    return clusters.map(cluster => {
      const key = JSON.stringify(cluster);
      let client = this.clients.get(key);
      if (!client) {
        client = new KubernetesApiClient(cluster, this.options.settings);
        this.clients.set(key, client);
      }
      return client;
    });
  }

  private clustersFromCatalog(): Promise<ClusterSpec[]> {
    const source = this.options.catalog;
    if (!source) {
      return Promise.resolve([]);
    }
    if (!this.catalogClusters) {
      this.catalogClusters = (async () => {
        try {
          const { items } = await source.catalog.getEntities(
            {
              filter: { kind: 'Resource', 'spec.type': 'kubernetes-cluster' },
            },
            { credentials: await source.auth.getOwnServiceCredentials() },
          );
          const clusters: ClusterSpec[] = [];
          for (const item of items) {
            const spec = clusterFromEntity(
              item,
              this.options.inClusterTokenFile,
            );
            if ('unsupported' in spec) {
              this.reportOnce(spec.unsupported);
            } else if (!this.options.clusters.some(c => c.name === spec.name)) {
              clusters.push(spec);
            }
          }
          return clusters;
        } catch (error) {
          this.reportOnce(
            `clusters could not be read from the catalog: ${
              (error as Error).message
            }`,
          );
          this.catalogClusters = undefined; // try again next time
          return [];
        }
      })();
    }
    return this.catalogClusters;
  }

  private reportOnce(problem: string) {
    if (!this.reported.has(problem)) {
      this.reported.add(problem);
      this.options.logger.warn(`Kubernetes live state: ${problem}`);
    }
  }
}

/** The label selector Backstage's Kubernetes plugin would use for the entity. */
export function labelSelectorOf(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const selector = annotations[ANNOTATION_KUBERNETES_LABEL_SELECTOR]?.trim();
  if (selector) {
    return selector;
  }
  const id = annotations[ANNOTATION_KUBERNETES_ID]?.trim();
  return id ? `${ANNOTATION_KUBERNETES_ID}=${id}` : undefined;
}

function isKubernetesObject(object: KubeObject): boolean {
  return (
    typeof object.apiVersion === 'string' &&
    typeof object.kind === 'string' &&
    typeof object.metadata?.name === 'string'
  );
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

function sameObject(desired: KubeObject, live: KubeObject): boolean {
  return (
    desired.kind === live.kind &&
    desired.metadata.name === live.metadata.name &&
    groupOf(desired.apiVersion) === groupOf(live.apiVersion) &&
    (desired.metadata.namespace === undefined ||
      desired.metadata.namespace === live.metadata.namespace)
  );
}

function uniqueKinds(kinds: Kind[]): Kind[] {
  const seen = new Map<string, Kind>();
  for (const kind of kinds) {
    seen.set(`${kind.apiVersion}|${kind.kind}`, kind);
  }
  return [...seen.values()];
}

/** Everything the entity has on one cluster, or why the cluster cannot tell. */
async function readCluster(
  client: KubernetesApiClient,
  desired: KubeObject[],
  selector: string,
  defaultNamespace: string | undefined,
): Promise<ClusterRead> {
  const cluster = client.cluster.name;
  try {
    const kinds = uniqueKinds([
      ...desired.map(({ apiVersion, kind }) => ({ apiVersion, kind })),
      ...CHILD_KINDS,
    ]);
    const listed = (
      await Promise.all(
        kinds.map(async ({ apiVersion, kind }) => {
          const resource = await client.resourceFor(apiVersion, kind);
          return resource
            ? client.listObjects(apiVersion, resource, selector)
            : [];
        }),
      )
    ).flat();
    const unlisted = desired.filter(
      object => !listed.some(live => sameObject(object, live)),
    );
    const [fetched, flux] = await Promise.all([
      Promise.all(
        unlisted.map(async object => {
          const resource = await client.resourceFor(
            object.apiVersion,
            object.kind,
          );
          if (!resource) return undefined; // the cluster has no such kind
          const namespace = resource.namespaced
            ? object.metadata.namespace ?? defaultNamespace ?? 'default'
            : undefined;
          return client.getObject(
            object.apiVersion,
            resource,
            namespace,
            object.metadata.name,
          );
        }),
      ),
      readFlux(client, selector),
    ]);
    return {
      ok: true,
      cluster,
      objects: [
        ...listed,
        ...fetched.filter((o): o is KubeObject => o !== undefined),
      ],
      ...(flux ? { flux } : {}),
    };
  } catch (error) {
    if (error instanceof ClusterUnavailableError) {
      return { ok: false, cluster, reason: error.message };
    }
    throw error;
  }
}

/** The status of the first Flux Kustomization (else HelmRelease) carrying the selector. */
async function readFlux(
  client: KubernetesApiClient,
  selector: string,
): Promise<ProviderStatus | undefined> {
  for (const { group, kind } of FLUX_KINDS) {
    const apiVersion = await client.preferredVersion(group);
    const resource = apiVersion
      ? await client.resourceFor(apiVersion, kind)
      : undefined;
    if (apiVersion && resource) {
      const [first] = await client.listObjects(apiVersion, resource, selector);
      if (first) {
        return fluxProviderStatus(first);
      }
    }
  }
  return undefined;
}
