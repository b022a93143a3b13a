import { ResponseError } from '@backstage/errors';
import {
  EntityGitopsStatus,
  Overview,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { PragmaticGitopsClient } from './PragmaticGitopsClient';

const BASE_URL = 'http://backstage.test/api/pragmatic-gitops';

const status: EntityGitopsStatus = {
  entityRef: 'component:default/payments',
  track: 'declarative',
  drift: { status: 'in-sync' },
  findings: [],
};

const STATUS_TEXTS: Record<number, string> = {
  200: 'OK',
  403: 'Forbidden',
  404: 'Not Found',
};

function jsonResponse(statusCode: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: statusCode,
    statusText: STATUS_TEXTS[statusCode],
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

  it('asks for the status history of an entity', async () => {
    const history = {
      entityRef: 'component:default/payments',
      transitions: [
        { from: null, to: 'in-sync', at: '2026-01-01T00:00:00.000Z' },
        { from: 'in-sync', to: 'drifted', at: '2026-01-02T00:00:00.000Z' },
      ],
    };
    const { client, fetchApi } = createClient(jsonResponse(200, history));

    await expect(
      client.getEntityHistory({
        kind: 'Component',
        namespace: 'default',
        name: 'pay ments',
      }),
    ).resolves.toEqual(history);

    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/entities/Component/default/pay%20ments/history`,
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('POSTs a refresh and returns the recomputed status', async () => {
    const drifted = { ...status, drift: { status: 'drifted' } };
    const { client, fetchApi } = createClient(jsonResponse(200, drifted));

    await expect(
      client.refreshEntity({
        kind: 'Component',
        namespace: 'default',
        name: 'payments',
      }),
    ).resolves.toEqual(drifted);

    expect(fetchApi.fetch).toHaveBeenCalledWith(
      `${BASE_URL}/entities/Component/default/payments/refresh`,
      expect.objectContaining({ method: 'POST' }),
    );
  });

  it('rejects a forbidden refresh with a 403 ResponseError', async () => {
    const { client } = createClient(
      jsonResponse(403, {
        error: { name: 'NotAllowedError', message: 'Unauthorized' },
        request: { method: 'POST', url: '/entities/component/default/x' },
        response: { statusCode: 403 },
      }),
    );

    const error = await client
      .refreshEntity({ kind: 'component', namespace: 'default', name: 'x' })
      .catch(e => e);

    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(403);
    expect(error.cause.name).toBe('NotAllowedError');
  });

  describe('getOverview', () => {
    const overview: Overview = {
      totals: {
        byTrack: { declarative: 2, imperative: 1 },
        byStatus: { 'in-sync': 2, drifted: 1 },
      },
      items: [
        {
          entityRef: 'component:default/payments',
          owner: 'group:default/team-payments',
          track: 'declarative',
          status: 'drifted',
          since: '2026-01-02T00:00:00.000Z',
        },
      ],
      totalItems: 1,
    };

    it('asks for the whole fleet without a query string', async () => {
      const { client, fetchApi } = createClient(jsonResponse(200, overview));

      await expect(client.getOverview()).resolves.toEqual(overview);

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${BASE_URL}/overview`,
        expect.objectContaining({ method: 'GET' }),
      );
    });

    it('sends every filter and the page as query parameters', async () => {
      const { client, fetchApi } = createClient(jsonResponse(200, overview));

      await client.getOverview({
        track: 'imperative',
        status: 'pending',
        owner: ' group:default/team-payments ',
        changedBy: 'hand',
        offset: 50,
        limit: 25,
      });

      const url = new URL(fetchApi.fetch.mock.calls[0][0]);
      expect(`${url.origin}${url.pathname}`).toBe(`${BASE_URL}/overview`);
      expect(Object.fromEntries(url.searchParams)).toEqual({
        track: 'imperative',
        status: 'pending',
        owner: 'group:default/team-payments',
        changedBy: 'hand',
        offset: '50',
        limit: '25',
      });
    });

    it('leaves out empty filters but keeps offset 0', async () => {
      const { client, fetchApi } = createClient(jsonResponse(200, overview));

      await client.getOverview({ owner: '  ', offset: 0, limit: 20 });

      expect(fetchApi.fetch).toHaveBeenCalledWith(
        `${BASE_URL}/overview?offset=0&limit=20`,
        expect.anything(),
      );
    });
  });
});

describe('PragmaticGitopsClient.getEntityStatusesByRefs', () => {
  it('POSTs every ref in one request and returns the items in order', async () => {
    const answer = {
      items: [
        {
          entityRef: 'component:default/payments',
          track: 'declarative',
          status: 'drifted',
          since: '2026-01-02T00:00:00.000Z',
        },
        null,
      ],
    };
    const { client, fetchApi } = createClient(jsonResponse(200, answer));

    await expect(
      client.getEntityStatusesByRefs([
        'component:default/payments',
        'component:default/secret',
      ]),
    ).resolves.toEqual(answer);

    expect(fetchApi.fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetchApi.fetch.mock.calls[0];
    expect(url).toBe(`${BASE_URL}/entities/by-refs`);
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual({
      entityRefs: ['component:default/payments', 'component:default/secret'],
    });
  });
});
