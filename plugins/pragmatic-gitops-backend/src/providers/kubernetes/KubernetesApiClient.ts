/**
 * Read-only access to one cluster's API server. `@kubernetes/client-node`
 * turns the cluster config into TLS options and credentials; requests are
 * plain GETs (the only method this client has), so objects come back
 * exactly as the API server sends them, custom resources included.
 * Discovery (kinds → plurals, namespaced or not) is asked once per
 * apiVersion per scan; requests in flight are bounded per cluster and each
 * has a timeout.
 */
import { KubeConfig } from '@kubernetes/client-node';
import fs from 'node:fs/promises';
import fetch, { RequestInit } from 'node-fetch';
import pLimit from 'p-limit';
import { KubeObject } from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { ClusterSpec } from './clusterConfig';

/** The cluster cannot be read: unreachable, timed out, token refused. */
export class ClusterUnavailableError extends Error {}

export type ApiResource = {
  /** Plural, as used in paths. */
  name: string;
  kind: string;
  namespaced: boolean;
};

export type KubernetesApiClientOptions = {
  /** Requests in flight at once to this cluster. */
  concurrency: number;
  /** Per request, in milliseconds. */
  timeoutMs: number;
};

type ApiResourceList = {
  resources: Array<ApiResource & { verbs?: string[] }>;
};
type ApiGroupList = {
  groups?: Array<{ name: string; preferredVersion?: { groupVersion: string } }>;
};
type ObjectList = { items?: KubeObject[] | null };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isResourceList = (value: unknown): value is ApiResourceList =>
  isPlainObject(value) &&
  Array.isArray(value.resources) &&
  value.resources.every(r => isPlainObject(r) && typeof r.name === 'string');
const isGroupList = (value: unknown): value is ApiGroupList =>
  isPlainObject(value) &&
  (value.groups === undefined || Array.isArray(value.groups));
const isObject = (value: unknown): value is KubeObject =>
  isPlainObject(value) && isPlainObject(value.metadata);
const isObjectList = (value: unknown): value is ObjectList =>
  isPlainObject(value) &&
  (value.items === undefined ||
    value.items === null ||
    (Array.isArray(value.items) && value.items.every(isObject)));

export class KubernetesApiClient {
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly kubeConfig = new KubeConfig();
  private fetchOptions?: Promise<RequestInit>;
  private discovery = new Map<string, Promise<ApiResource[] | undefined>>();
  private groups?: Promise<ApiGroupList>;

  constructor(
    readonly cluster: ClusterSpec,
    private readonly options: KubernetesApiClientOptions,
  ) {
    this.limit = pLimit(options.concurrency);
    this.kubeConfig.loadFromClusterAndUser(
      {
        name: cluster.name,
        server: cluster.url,
        caData: cluster.caData,
        caFile: cluster.caFile,
        skipTLSVerify: cluster.skipTLSVerify,
      },
      {
        name: 'pragmatic-gitops',
        ...('value' in cluster.token ? { token: cluster.token.value } : {}),
      },
    );
  }

  /** A new scan: discovery is asked again (CRDs may have been installed). */
  resetDiscovery(): void {
    this.discovery = new Map();
    this.groups = undefined;
  }

  /** The resource serving `kind` in `apiVersion`, or undefined when the cluster has none. */
  async resourceFor(
    apiVersion: string,
    kind: string,
  ): Promise<ApiResource | undefined> {
    let resources = this.discovery.get(apiVersion);
    if (!resources) {
      resources = this.get(versionPath(apiVersion), isResourceList).then(list =>
        list?.resources.filter(r => !r.name.includes('/')),
      );
      this.discovery.set(apiVersion, resources);
    }
    return (await resources)?.find(r => r.kind === kind);
  }

  /** `group/version` the cluster prefers for an API group, or undefined when it serves none. */
  async preferredVersion(group: string): Promise<string | undefined> {
    if (!this.groups) {
      this.groups = this.get('/apis', isGroupList).then(list => list ?? {});
    }
    const groups = await this.groups;
    return groups.groups?.find(g => g.name === group)?.preferredVersion
      ?.groupVersion;
  }

  /** One object by name; undefined when it does not exist (404). */
  async getObject(
    apiVersion: string,
    resource: ApiResource,
    namespace: string | undefined,
    name: string,
  ): Promise<KubeObject | undefined> {
    return this.get(
      `${collectionPath(apiVersion, resource, namespace)}/${encodeURIComponent(
        name,
      )}`,
      isObject,
    );
  }

  /** Objects of one kind in every namespace that match the label selector. */
  async listObjects(
    apiVersion: string,
    resource: ApiResource,
    labelSelector: string,
  ): Promise<KubeObject[]> {
    const list = await this.get(
      `${collectionPath(
        apiVersion,
        resource,
        undefined,
      )}?labelSelector=${encodeURIComponent(labelSelector)}`,
      isObjectList,
    );
    // Items of a list carry neither apiVersion nor kind.
    return (list?.items ?? []).map(item => ({
      ...item,
      apiVersion,
      kind: resource.kind,
    }));
  }

  /**
   * GET, the only request this client makes. 404 → undefined. A document of
   * another shape (a proxy's page, another API) makes the cluster
   * unavailable rather than read as "no objects".
   */
  private get<T>(
    path: string,
    isExpected: (value: unknown) => value is T,
  ): Promise<T | undefined> {
    return this.limit(async () => {
      const { name } = this.cluster;
      const init = await this.requestInit();
      let response;
      const signal = AbortSignal.timeout(this.options.timeoutMs);
      const timedOut = `Kubernetes cluster '${name}' did not answer within ${this.options.timeoutMs} ms`;
      try {
        response = await fetch(`${this.cluster.url}${path}`, {
          ...init,
          method: 'GET',
          signal: signal as any,
        });
      } catch (error) {
        const reason = (error as Error)?.name;
        throw new ClusterUnavailableError(
          reason === 'AbortError' || reason === 'TimeoutError'
            ? timedOut
            : `Kubernetes cluster '${name}' could not be reached`,
        );
      }
      if (response.status === 404) {
        await response.text().catch(() => undefined);
        return undefined;
      }
      if (!response.ok) {
        await response.text().catch(() => undefined);
        throw new ClusterUnavailableError(
          describeStatus(name, response.status, path),
        );
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new ClusterUnavailableError(
          signal.aborted
            ? timedOut
            : `Kubernetes cluster '${name}' answered malformed JSON for ${
                path.split('?')[0]
              }`,
        );
      }
      if (!isExpected(body)) {
        throw new ClusterUnavailableError(
          `Kubernetes cluster '${name}' answered an unexpected document for ${
            path.split('?')[0]
          }`,
        );
      }
      return body;
    });
  }

  private async requestInit(): Promise<RequestInit> {
    if (!this.fetchOptions) {
      this.fetchOptions = this.kubeConfig
        .applyToFetchOptions({})
        .then(options => options as unknown as RequestInit);
    }
    let init: RequestInit;
    try {
      init = await this.fetchOptions;
    } catch (error) {
      // A CA file that cannot be read, for instance.
      throw new ClusterUnavailableError(
        `Kubernetes cluster '${this.cluster.name}' cannot be configured: ${
          (error as Error).message
        }`,
      );
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    (init.headers as any)?.forEach?.((value: string, key: string) => {
      headers[key] = value;
    });
    if ('file' in this.cluster.token) {
      // Projected tokens rotate: read the file for every request.
      const token = await fs
        .readFile(this.cluster.token.file, 'utf8')
        .catch(() => {
          throw new ClusterUnavailableError(
            `the service account token of Kubernetes cluster '${this.cluster.name}' cannot be read`,
          );
        });
      headers.Authorization = `Bearer ${token.trim()}`;
    }
    return { ...init, headers };
  }
}

function versionPath(apiVersion: string): string {
  return apiVersion.includes('/')
    ? `/apis/${apiVersion}`
    : `/api/${apiVersion}`;
}

function collectionPath(
  apiVersion: string,
  resource: ApiResource,
  namespace: string | undefined,
): string {
  const scope =
    resource.namespaced && namespace
      ? `/namespaces/${encodeURIComponent(namespace)}`
      : '';
  return `${versionPath(apiVersion)}${scope}/${resource.name}`;
}

function describeStatus(cluster: string, status: number, path: string): string {
  const what = path.split('?')[0];
  if (status === 401) {
    return `Kubernetes cluster '${cluster}' refused the service account token (401)`;
  }
  if (status === 403) {
    return `Kubernetes cluster '${cluster}' forbids reading ${what} (403): grant the read-only ClusterRole`;
  }
  return `Kubernetes cluster '${cluster}' answered ${status} for ${what}`;
}
