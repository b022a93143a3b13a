import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityGitopsStatus,
  Overview,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  EntityHistory,
  OverviewQuery,
  PragmaticGitopsApi,
} from './PragmaticGitopsApi';

/** The backend plugin id the client discovers. */
const BACKEND_PLUGIN_ID = 'pragmatic-gitops';

/** `/entities/{kind}/{namespace}/{name}`, every segment URL-encoded. */
function entityPath(entityRef: CompoundEntityRef): string {
  const path = [entityRef.kind, entityRef.namespace, entityRef.name]
    .map(segment => encodeURIComponent(segment))
    .join('/');
  return `/entities/${path}`;
}

/** The query string of an overview request; empty values are left out. */
function overviewSearch(query: OverviewQuery): string {
  const params = new URLSearchParams();
  const entries: Array<[string, string | number | undefined]> = [
    ['track', query.track],
    ['status', query.status],
    ['owner', query.owner?.trim()],
    ['offset', query.offset],
    ['limit', query.limit],
  ];
  for (const [key, value] of entries) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/**
 * Talks to the `pragmatic-gitops` backend plugin over HTTP, with the signed-in
 * user's credentials (through `fetchApi`).
 *
 * @public
 */
export class PragmaticGitopsClient implements PragmaticGitopsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityStatus(
    entityRef: CompoundEntityRef,
  ): Promise<EntityGitopsStatus> {
    return this.request<EntityGitopsStatus>('GET', entityPath(entityRef));
  }

  async getEntityHistory(entityRef: CompoundEntityRef): Promise<EntityHistory> {
    return this.request<EntityHistory>(
      'GET',
      `${entityPath(entityRef)}/history`,
    );
  }

  async refreshEntity(
    entityRef: CompoundEntityRef,
  ): Promise<EntityGitopsStatus> {
    return this.request<EntityGitopsStatus>(
      'POST',
      `${entityPath(entityRef)}/refresh`,
    );
  }

  async getOverview(query: OverviewQuery = {}): Promise<Overview> {
    return this.request<Overview>('GET', `/overview${overviewSearch(query)}`);
  }

  private async request<T>(method: 'GET' | 'POST', path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(BACKEND_PLUGIN_ID);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
