import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityStatusesByRefs,
  HotfixMetrics,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  EntityHistory,
  HotfixExportQuery,
  OverviewQuery,
  PragmaticGitopsApi,
} from './PragmaticGitopsApi';
import {
  EntityGitopsDetails,
  FleetOverview,
  Hotfix,
  HotfixBackport,
  HotfixList,
  HotfixQuery,
  RecordHotfixInput,
  RecordHotfixOptions,
} from './types';

/** The backend plugin id the client discovers. */
const BACKEND_PLUGIN_ID = 'pragmatic-gitops';

/** `/entities/{kind}/{namespace}/{name}`, every segment URL-encoded. */
function entityPath(entityRef: CompoundEntityRef): string {
  const path = [entityRef.kind, entityRef.namespace, entityRef.name]
    .map(segment => encodeURIComponent(segment))
    .join('/');
  return `/entities/${path}`;
}

/** `/hotfixes/{id}`, the id URL-encoded. */
function hotfixPath(id: string): string {
  return `/hotfixes/${encodeURIComponent(id)}`;
}

/** A query string of the given parameters; empty values are left out. */
function search(
  entries: Array<[string, string | number | boolean | undefined]>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of entries) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function overviewSearch(query: OverviewQuery): string {
  return search([
    ['track', query.track],
    ['status', query.status],
    ['owner', query.owner?.trim()],
    ['q', query.q?.trim()],
    ['finding', query.finding],
    ['changedBy', query.changedBy],
    ['hotfixes', query.hotfixes],
    ['sort', query.sort],
    ['order', query.order],
    ['offset', query.offset],
    ['limit', query.limit],
  ]);
}

function hotfixSearch(query: HotfixQuery): string {
  return search([
    ['entityRef', query.entityRef?.trim()],
    ['status', query.status],
    ['overdue', query.overdue],
    ['acknowledged', query.acknowledged],
    ['owner', query.owner?.trim()],
    ['offset', query.offset],
    ['limit', query.limit],
  ]);
}

type RequestOptions = {
  body?: unknown;
  headers?: Record<string, string>;
};

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
  ): Promise<EntityGitopsDetails> {
    return this.request<EntityGitopsDetails>('GET', entityPath(entityRef));
  }

  async getEntityStatusesByRefs(
    entityRefs: string[],
  ): Promise<EntityStatusesByRefs> {
    return this.request<EntityStatusesByRefs>('POST', '/entities/by-refs', {
      body: { entityRefs },
    });
  }

  async getEntityHistory(entityRef: CompoundEntityRef): Promise<EntityHistory> {
    return this.request<EntityHistory>(
      'GET',
      `${entityPath(entityRef)}/history`,
    );
  }

  async refreshEntity(
    entityRef: CompoundEntityRef,
  ): Promise<EntityGitopsDetails> {
    return this.request<EntityGitopsDetails>(
      'POST',
      `${entityPath(entityRef)}/refresh`,
    );
  }

  async getOverview(query: OverviewQuery = {}): Promise<FleetOverview> {
    return this.request<FleetOverview>(
      'GET',
      `/overview${overviewSearch(query)}`,
    );
  }

  async recordHotfix(
    input: RecordHotfixInput,
    options: RecordHotfixOptions = {},
  ): Promise<Hotfix> {
    return this.request<Hotfix>('POST', '/hotfixes', {
      body: input,
      headers: options.idempotencyKey
        ? { 'Idempotency-Key': options.idempotencyKey }
        : undefined,
    });
  }

  async listHotfixes(query: HotfixQuery = {}): Promise<HotfixList> {
    return this.request<HotfixList>('GET', `/hotfixes${hotfixSearch(query)}`);
  }

  async getHotfix(id: string): Promise<Hotfix> {
    return this.request<Hotfix>('GET', hotfixPath(id));
  }

  async backportHotfix(id: string, url: string): Promise<Hotfix> {
    return this.request<Hotfix>('POST', `${hotfixPath(id)}/backport`, {
      body: { url },
    });
  }

  async generateBackport(id: string): Promise<HotfixBackport> {
    // No body: with one (`{ url }`) the same route marks the hotfix instead.
    return this.request<HotfixBackport>('POST', `${hotfixPath(id)}/backport`);
  }

  async abandonHotfix(id: string, reason: string): Promise<Hotfix> {
    return this.request<Hotfix>('POST', `${hotfixPath(id)}/abandon`, {
      body: { reason },
    });
  }

  async acknowledgeHotfix(id: string, note?: string): Promise<Hotfix> {
    return this.request<Hotfix>('POST', `${hotfixPath(id)}/acknowledge`, {
      body: note ? { note } : {},
    });
  }

  async getHotfixMetrics(
    query: { owner?: string } = {},
  ): Promise<HotfixMetrics> {
    return this.request<HotfixMetrics>(
      'GET',
      `/hotfixes/metrics${search([['owner', query.owner?.trim()]])}`,
    );
  }

  async exportHotfixes(query: HotfixExportQuery): Promise<Blob> {
    const path = `/hotfixes/export${search([
      ['from', query.from],
      ['to', query.to],
      ['format', query.format],
      ['owner', query.owner?.trim()],
    ])}`;
    const response = await this.send('GET', path, {
      headers: {
        Accept: query.format === 'csv' ? 'text/csv' : 'application/json',
      },
    });
    return response.blob();
  }

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const response = await this.send(method, path, options);
    return (await response.json()) as T;
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    options: RequestOptions = {},
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(BACKEND_PLUGIN_ID);
    const hasBody = options.body !== undefined;
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
        ...options.headers,
      },
      ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
