import { ResponseError } from '@backstage/errors';
import { EntityGitopsStatus } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { PragmaticGitopsClient } from './PragmaticGitopsClient';

const BASE_URL = 'http://backstage.test/api/pragmatic-gitops';

const status: EntityGitopsStatus = {
  entityRef: 'component:default/payments',
  track: 'declarative',
  drift: { status: 'in-sync' },
  findings: [],
};

function jsonResponse(statusCode: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: statusCode,
    statusText: statusCode === 200 ? 'OK' : 'Not Found',
    headers: { 'Content-Type': 'application/json' },
  });
}

function createClient(response: Response) {
  const discoveryApi = { getBaseUrl: jest.fn().mockResolvedValue(BASE_URL) };
  const fetchApi = { fetch: jest.fn().mockResolvedValue(response) };
  const client = new PragmaticGitopsClient({ discoveryApi, fetchApi });
  return { client, discoveryApi, fetchApi };
}

describe('PragmaticGitopsClient', () => {
  it('asks the pragmatic-gitops backend for the entity status', async () => {
    const { client, discoveryApi, fetchApi } = createClient(
      jsonResponse(200, status),
    );

    await expect(
      client.getEntityStatus({
        kind: 'Component',
        namespace: 'default',
        name: 'payments',
      }),
    ).resolves.toEqual(status);

    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('pragmatic-gitops');
    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/entities/Component/default/payments`,
      expect.anything(),
    );
  });

  it('URL-encodes every path segment', async () => {
    const { client, fetchApi } = createClient(jsonResponse(200, status));

    await client.getEntityStatus({
      kind: 'Component',
      namespace: 'team a/b',
      name: 'pay#ments?x=1',
    });

    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/entities/Component/team%20a%2Fb/pay%23ments%3Fx%3D1`,
      expect.anything(),
    );
  });

  it('throws a ResponseError carrying the backend error on failure', async () => {
    const { client } = createClient(
      jsonResponse(404, {
        error: {
          name: 'NotFoundError',
          message: 'No entity component:default/ghost',
        },
        request: { method: 'GET', url: '/entities/component/default/ghost' },
        response: { statusCode: 404 },
      }),
    );

    const error = await client
      .getEntityStatus({
        kind: 'component',
        namespace: 'default',
        name: 'ghost',
      })
      .catch(e => e);

    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(404);
    expect(error.message).toBe('Request failed with 404 Not Found');
    expect(error.cause.name).toBe('NotFoundError');
    expect(error.cause.message).toBe('No entity component:default/ghost');
  });

  it('throws a ResponseError when the error body is not JSON', async () => {
    const { client } = createClient(
      new Response('upstream unavailable', {
        status: 503,
        statusText: 'Service Unavailable',
      }),
    );

    const error = await client
      .getEntityStatus({ kind: 'component', namespace: 'default', name: 'x' })
      .catch(e => e);

    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(503);
    expect(error.message).toBe('Request failed with 503 Service Unavailable');
  });
});
