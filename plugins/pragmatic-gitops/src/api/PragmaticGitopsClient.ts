import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { EntityGitopsStatus } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { PragmaticGitopsApi } from './PragmaticGitopsApi';

/** The backend plugin id the client discovers. */
const BACKEND_PLUGIN_ID = 'pragmatic-gitops';

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
    const path = [entityRef.kind, entityRef.namespace, entityRef.name]
      .map(segment => encodeURIComponent(segment))
      .join('/');
    return this.get<EntityGitopsStatus>(`/entities/${path}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(BACKEND_PLUGIN_ID);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
