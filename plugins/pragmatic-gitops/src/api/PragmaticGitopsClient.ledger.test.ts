import { ResponseError } from '@backstage/errors';
import { PragmaticGitopsClient } from './PragmaticGitopsClient';
import { HotfixMetrics } from './types';

const BASE_URL = 'http://backstage.test/api/pragmatic-gitops';

function client(response: Response) {
  const fetchApi = { fetch: jest.fn().mockResolvedValue(response) };
  const api = new PragmaticGitopsClient({
    discoveryApi: { getBaseUrl: jest.fn().mockResolvedValue(BASE_URL) },
    fetchApi,
  });
  return { api, fetchApi };
}

const metrics: HotfixMetrics = {
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  windowDays: 30,
  leadTime: { backported: 0 },
  reverted: 0,
  byOwner: [],
};

describe('PragmaticGitopsClient ledger', () => {
  it('reads the metrics of one owner', async () => {
    const { api, fetchApi } = client(
      new Response(JSON.stringify(metrics), { status: 200 }),
    );
    await expect(
      api.getHotfixMetrics({ owner: ' team-shop ' }),
    ).resolves.toEqual(metrics);
    expect(fetchApi.fetch.mock.calls[0][0]).toBe(
      `${BASE_URL}/hotfixes/metrics?owner=team-shop`,
    );
  });

  it('downloads an export as a blob, asking for its format', async () => {
    const { api, fetchApi } = client(
      new Response('hotfixId,entityRef\n', {
        status: 200,
        headers: { 'Content-Type': 'text/csv' },
      }),
    );
    const blob = await api.exportHotfixes({
      from: '2026-01-01',
      to: '2026-12-01T00:00:00Z',
      format: 'csv',
    });
    await expect(blob.text()).resolves.toBe('hotfixId,entityRef\n');
    const [url, init] = fetchApi.fetch.mock.calls[0];
    expect(url).toBe(
      `${BASE_URL}/hotfixes/export?from=2026-01-01&to=2026-12-01T00%3A00%3A00Z&format=csv`,
    );
    expect(init.headers).toMatchObject({ Accept: 'text/csv' });
  });

  it('asks the export for one owner', async () => {
    const { api, fetchApi } = client(new Response('{"items":[]}'));
    await api.exportHotfixes({
      format: 'json',
      owner: ' group:default/team-shop ',
    });
    expect(fetchApi.fetch.mock.calls[0][0]).toBe(
      `${BASE_URL}/hotfixes/export?format=json&owner=group%3Adefault%2Fteam-shop`,
    );
  });

  it('rejects with the response error of a bad range', async () => {
    const { api } = client(
      new Response(
        JSON.stringify({
          error: { name: 'InputError', message: 'from must be before to' },
          request: { method: 'GET', url: '/hotfixes/export' },
          response: { statusCode: 400 },
        }),
        {
          status: 400,
          statusText: 'Bad Request',
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );
    const failure = api.exportHotfixes({ from: 'x', format: 'json' });
    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { message: 'from must be before to' } },
    });
  });
});
