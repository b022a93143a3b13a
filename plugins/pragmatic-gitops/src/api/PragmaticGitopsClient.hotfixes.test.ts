import { ResponseError } from '@backstage/errors';
import { PragmaticGitopsClient } from './PragmaticGitopsClient';
import { Hotfix, RecordHotfixInput } from './types';

const BASE_URL = 'http://backstage.test/api/pragmatic-gitops';

const hotfix: Hotfix = {
  id: 'HF-12',
  entityRef: 'component:default/payments',
  title: 'Scale payments-api to 5 replicas',
  appliedBy: 'user:default/jane',
  appliedAt: '2026-01-02T10:00:00.000Z',
  recordedAt: '2026-01-02T10:05:00.000Z',
  changes: [
    {
      kind: 'Deployment',
      namespace: 'payments',
      name: 'payments-api',
      paths: ['/spec/replicas'],
    },
  ],
  status: 'pending-backport',
  overdue: false,
  backportDueAt: '2026-01-05T10:00:00.000Z',
};

const STATUS_TEXTS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  403: 'Forbidden',
  409: 'Conflict',
};

function jsonResponse(statusCode: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: statusCode,
    statusText: STATUS_TEXTS[statusCode],
    headers: { 'Content-Type': 'application/json' },
  });
}

function errorResponse(statusCode: number, name: string, message: string) {
  return jsonResponse(statusCode, {
    error: { name, message },
    request: { method: 'POST', url: '/hotfixes' },
    response: { statusCode },
  });
}

function createClient(response: Response) {
  const discoveryApi = { getBaseUrl: jest.fn().mockResolvedValue(BASE_URL) };
  const fetchApi = { fetch: jest.fn().mockResolvedValue(response) };
  const client = new PragmaticGitopsClient({ discoveryApi, fetchApi });
  return { client, fetchApi };
}

/** The URL and init of the only request made. */
function request(fetchApi: { fetch: jest.Mock }) {
  expect(fetchApi.fetch).toHaveBeenCalledTimes(1);
  const [url, init] = fetchApi.fetch.mock.calls[0] as [string, RequestInit];
  return { url, init, headers: init.headers as Record<string, string> };
}

describe('PragmaticGitopsClient hotfixes', () => {
  const input: RecordHotfixInput = {
    entityRef: 'component:default/payments',
    title: 'Scale payments-api to 5 replicas',
    incidentUrl: 'https://incidents.example.com/INC-7',
    appliedAt: '2026-01-02T10:00:00.000Z',
    changes: hotfix.changes,
  };

  it('POSTs a hotfix as JSON with its Idempotency-Key', async () => {
    const { client, fetchApi } = createClient(jsonResponse(201, hotfix));

    await expect(
      client.recordHotfix(input, { idempotencyKey: 'key-1' }),
    ).resolves.toEqual(hotfix);

    const { url, init, headers } = request(fetchApi);
    expect(url).toBe(`${BASE_URL}/hotfixes`);
    expect(init.method).toBe('POST');
    expect(headers['Idempotency-Key']).toBe('key-1');
    expect(headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual(input);
  });

  it('accepts 200 for a retried submission', async () => {
    const { client } = createClient(jsonResponse(200, hotfix));
    await expect(
      client.recordHotfix(input, { idempotencyKey: 'key-1' }),
    ).resolves.toEqual(hotfix);
  });

  it('leaves the Idempotency-Key header out when no key is given', async () => {
    const { client, fetchApi } = createClient(jsonResponse(201, hotfix));

    await client.recordHotfix(input);

    expect(request(fetchApi).headers).not.toHaveProperty('Idempotency-Key');
  });

  it('rejects a bad hotfix with the 400 naming the field', async () => {
    const { client } = createClient(
      errorResponse(400, 'InputError', 'title must not be empty'),
    );

    const error = await client.recordHotfix(input).catch(e => e);

    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(400);
    expect(error.cause.message).toBe('title must not be empty');
  });

  it('lists hotfixes with every filter as query parameters', async () => {
    const list = { items: [hotfix], totalItems: 1 };
    const { client, fetchApi } = createClient(jsonResponse(200, list));

    await expect(
      client.listHotfixes({
        entityRef: 'component:default/payments',
        status: 'pending-backport',
        overdue: true,
        offset: 0,
        limit: 100,
      }),
    ).resolves.toEqual(list);

    const url = new URL(request(fetchApi).url);
    expect(`${url.origin}${url.pathname}`).toBe(`${BASE_URL}/hotfixes`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      entityRef: 'component:default/payments',
      status: 'pending-backport',
      overdue: 'true',
      offset: '0',
      limit: '100',
    });
  });

  it('lists every hotfix without a query string, and keeps overdue=false', async () => {
    const { client, fetchApi } = createClient(
      jsonResponse(200, { items: [], totalItems: 0 }),
    );
    await client.listHotfixes();
    expect(request(fetchApi).url).toBe(`${BASE_URL}/hotfixes`);

    const second = createClient(
      jsonResponse(200, { items: [], totalItems: 0 }),
    );
    await second.client.listHotfixes({ overdue: false, entityRef: ' ' });
    expect(request(second.fetchApi).url).toBe(
      `${BASE_URL}/hotfixes?overdue=false`,
    );
  });

  it('reads one hotfix by its URL-encoded id', async () => {
    const { client, fetchApi } = createClient(jsonResponse(200, hotfix));

    await expect(client.getHotfix('HF-12')).resolves.toEqual(hotfix);
    expect(request(fetchApi).url).toBe(`${BASE_URL}/hotfixes/HF-12`);

    const odd = createClient(jsonResponse(200, hotfix));
    await odd.client.getHotfix('HF 1/2');
    expect(request(odd.fetchApi).url).toBe(`${BASE_URL}/hotfixes/HF%201%2F2`);
  });

  it('marks a hotfix back-ported with the commit URL', async () => {
    const backported = { ...hotfix, status: 'backported' };
    const { client, fetchApi } = createClient(jsonResponse(200, backported));

    await expect(
      client.backportHotfix('HF-12', 'https://github.com/org/deploy/pull/9'),
    ).resolves.toEqual(backported);

    const { url, init } = request(fetchApi);
    expect(url).toBe(`${BASE_URL}/hotfixes/HF-12/backport`);
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({
      url: 'https://github.com/org/deploy/pull/9',
    });
  });

  it('generates a back-port with a POST without a body', async () => {
    const backport = {
      hotfixId: 'HF-12',
      type: 'diff',
      written: [
        {
          resource: {
            kind: 'Deployment',
            namespace: 'payments',
            name: 'payments-api',
          },
          path: '/spec/replicas',
          file: 'deploy/deployment.yaml',
        },
      ],
      refused: [],
      diff: '--- a/deploy/deployment.yaml\n+++ b/deploy/deployment.yaml\n',
    };
    const { client, fetchApi } = createClient(jsonResponse(200, backport));

    await expect(client.generateBackport('HF-12')).resolves.toEqual(backport);

    const { url, init, headers } = request(fetchApi);
    expect(url).toBe(`${BASE_URL}/hotfixes/HF-12/backport`);
    expect(init.method).toBe('POST');
    expect(init.body).toBeUndefined();
    expect(headers).not.toHaveProperty('Content-Type');
  });

  it('rejects a failed back-port with the SCM error the backend gave', async () => {
    const { client } = createClient(
      errorResponse(
        502,
        'Error',
        'GitHub refused a branch in acme/deploy: repository archived',
      ),
    );

    const error = await client.generateBackport('HF-12').catch(e => e);

    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(502);
    expect(error.cause.message).toBe(
      'GitHub refused a branch in acme/deploy: repository archived',
    );
  });

  it('abandons a hotfix with the reason', async () => {
    const abandoned = { ...hotfix, status: 'abandoned' };
    const { client, fetchApi } = createClient(jsonResponse(200, abandoned));

    await client.abandonHotfix('HF-12', 'rolled back by hand');

    const { url, init } = request(fetchApi);
    expect(url).toBe(`${BASE_URL}/hotfixes/HF-12/abandon`);
    expect(JSON.parse(init.body as string)).toEqual({
      reason: 'rolled back by hand',
    });
  });

  it.each([
    [403, 'NotAllowedError', 'Unauthorized'],
    [409, 'ConflictError', 'HF-12 is backported, not pending-backport'],
  ])(
    'rejects a refused back-port with a %s ResponseError',
    async (statusCode, name, message) => {
      const { client } = createClient(errorResponse(statusCode, name, message));

      const error = await client
        .backportHotfix('HF-12', 'https://github.com/org/deploy/pull/9')
        .catch(e => e);

      expect(ResponseError.is(error)).toBe(true);
      expect(error.statusCode).toBe(statusCode);
      expect(error.cause.name).toBe(name);
      expect(error.cause.message).toBe(message);
    },
  );
});
