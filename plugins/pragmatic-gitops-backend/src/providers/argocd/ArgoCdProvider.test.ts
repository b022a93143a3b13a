import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { LiveStateResult } from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { ArgoCdProvider } from './ArgoCdProvider';
import {
  applicationBody as argoApplicationBody,
  ManagedResource,
  managedResourcesBody,
} from './__testUtils__/argoCdBodies';

const PROD = 'https://argocd.prod.example.com';
const STAGING = 'https://argocd.staging.example.com/argocd';
const PROD_TOKEN = 'prod-token-8d2f6a';
const STAGING_TOKEN = 'staging-token-51c0e7';
const SECRET_VALUE = 'c3VwZXItc2VjcmV0LWRiLXBhc3N3b3Jk';

function entity(
  annotations: Record<string, string>,
  name = 'payments',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  };
}

type InstanceInput = {
  name: string;
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  concurrency?: number;
};

function makeProvider(instances: InstanceInput[] | undefined) {
  const logger = mockServices.logger.mock();
  const config = new ConfigReader(
    instances ? { pragmaticGitops: { argocd: { instances } } } : {},
  );
  const provider = ArgoCdProvider.fromConfig(config, { logger });
  return { provider, logger };
}

const prodOnly: InstanceInput[] = [
  { name: 'prod', baseUrl: PROD, token: PROD_TOKEN },
];
const prodAndStaging: InstanceInput[] = [
  { name: 'prod', baseUrl: PROD, token: PROD_TOKEN },
  { name: 'staging', baseUrl: STAGING, token: STAGING_TOKEN },
];

const deployment = (replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', namespace: 'payments' },
  spec: { replicas },
});
const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'payments' },
  data: { password: SECRET_VALUE },
};

const configMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'only-in-git', namespace: 'payments' },
};
const resources: ManagedResource[] = [
  {
    target: deployment(2),
    live: deployment(5),
    normalizedLive: deployment(42),
    status: 'OutOfSync',
    health: 'Healthy',
  },
  { target: secret, live: secret, status: 'Synced' },
  { target: configMap, status: 'OutOfSync', health: 'Missing' },
];

function applicationBody(appName: string) {
  return argoApplicationBody(
    appName,
    {
      sync: 'OutOfSync',
      revision: '9f8e7d6',
      health: 'Progressing',
      operation: 'Succeeded',
    },
    resources,
  );
}

const managedBody = managedResourcesBody(resources);

/** Handlers answering both endpoints of `baseUrl`, recording the auth header. */
function argoHandlers(
  baseUrl: string,
  auth: string[] = [],
  managed: Record<string, unknown> = managedBody,
) {
  return [
    http.get(`${baseUrl}/api/v1/applications/:name`, ({ request, params }) => {
      auth.push(request.headers.get('authorization') ?? '');
      return HttpResponse.json(applicationBody(String(params.name)));
    }),
    http.get(
      `${baseUrl}/api/v1/applications/:name/managed-resources`,
      ({ request }) => {
        auth.push(request.headers.get('authorization') ?? '');
        return HttpResponse.json(managed);
      },
    ),
  ];
}

function loggedText(logger: ReturnType<typeof mockServices.logger.mock>) {
  return JSON.stringify([
    logger.debug.mock.calls,
    logger.info.mock.calls,
    logger.warn.mock.calls,
    logger.error.mock.calls,
    logger.child.mock.calls,
  ]);
}

/** Which of the tokens / secret values appear in the logger calls. */
function leaks(logger: ReturnType<typeof mockServices.logger.mock>) {
  const logged = loggedText(logger);
  return [PROD_TOKEN, STAGING_TOKEN, SECRET_VALUE].filter(v =>
    logged.includes(v),
  );
}

function expectUnknown(result: LiveStateResult) {
  expect(result.type).toBe('unknown');
  return result as Extract<LiveStateResult, { type: 'unknown' }>;
}

describe('ArgoCdProvider', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const requests: Request[] = [];
  beforeEach(() => {
    requests.length = 0;
    server.events.on('request:start', ({ request }) => {
      requests.push(request);
    });
  });
  afterEach(() => server.events.removeAllListeners());

  let loggers: ReturnType<typeof mockServices.logger.mock>[] = [];
  function provider(instances: InstanceInput[] | undefined) {
    const made = makeProvider(instances);
    loggers.push(made.logger);
    return made;
  }
  beforeEach(() => {
    loggers = [];
  });
  afterEach(() => {
    // Guard for every test: no token or object contents in the logs.
    for (const logger of loggers) {
      if (leaks(logger).length) {
        throw new Error(`Logger calls leaked: ${leaks(logger).join(', ')}`);
      }
    }
  });

  it('has the name argocd', () => {
    expect(provider(prodOnly).provider.name).toBe('argocd');
  });

  async function observedWithReconciledAt(reconciledAt: string) {
    server.use(
      http.get(`${PROD}/api/v1/applications/payments`, () => {
        const body = applicationBody('payments');
        return HttpResponse.json({
          ...body,
          status: { ...body.status, reconciledAt },
        });
      }),
      ...argoHandlers(PROD),
    );
    const { provider: p } = provider(prodOnly);
    const result = (await p.getLiveState(
      entity({ 'argocd/app-name': 'payments' }),
      'component:default/payments',
    )) as { observedAt: Date };
    return result.observedAt;
  }

  it('dates the live state by when Argo CD reconciled it', async () => {
    const reconciledAt = new Date(Date.now() - 10 * 60_000).toISOString();
    const observedAt = await observedWithReconciledAt(reconciledAt);
    expect(observedAt.toISOString()).toBe(reconciledAt);
  });

  it('takes a reconciledAt in the future as now', async () => {
    const before = Date.now();
    const observedAt = await observedWithReconciledAt(
      new Date(Date.now() + 10 * 60_000).toISOString(),
    );
    expect(observedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(observedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('observes an application: both requests, objects and status', async () => {
    const auth: string[] = [];
    server.use(...argoHandlers(PROD, auth));
    const { provider: p } = provider(prodOnly);

    const before = Date.now();
    const result = await p.getLiveState(
      entity({ 'argocd/app-name': 'payments' }),
      'component:default/payments',
    );

    expect(result).toEqual({
      type: 'observed',
      source: 'argocd:prod',
      observedAt: expect.any(Date),
      objects: [deployment(5), secret],
      desiredObjects: [deployment(2), secret, configMap],
      providerStatus: {
        sync: 'OutOfSync',
        health: 'Progressing',
        revision: '9f8e7d6',
        operation: 'Succeeded',
      },
    });
    expect(
      (result as { observedAt: Date }).observedAt.getTime(),
    ).toBeGreaterThanOrEqual(before);
    expect(requests.map(r => `${r.method} ${r.url}`).sort()).toEqual([
      `GET ${PROD}/api/v1/applications/payments`,
      `GET ${PROD}/api/v1/applications/payments/managed-resources`,
    ]);
    expect(auth).toEqual([`Bearer ${PROD_TOKEN}`, `Bearer ${PROD_TOKEN}`]);
  });

  it('omits status fields Argo CD does not report', async () => {
    server.use(
      http.get(`${PROD}/api/v1/applications/fresh`, () =>
        HttpResponse.json({ metadata: { name: 'fresh' } }),
      ),
      http.get(`${PROD}/api/v1/applications/fresh/managed-resources`, () =>
        HttpResponse.json({}),
      ),
    );
    const result = await provider(prodOnly).provider.getLiveState(
      entity({ 'argocd/app-name': 'fresh' }),
      'component:default/fresh',
    );
    expect(result).toMatchObject({
      type: 'observed',
      objects: [],
      desiredObjects: [],
      providerStatus: {},
    });
  });

  it('returns none without argocd/app-name', async () => {
    const { provider: p } = provider(prodAndStaging);
    expect(
      await p.getLiveState(
        entity({ 'argocd/instance-name': 'prod' }),
        'component:default/payments',
      ),
    ).toEqual({ type: 'none' });
    expect(requests).toHaveLength(0);
  });

  it('uses the only configured instance when no instance is named', async () => {
    const auth: string[] = [];
    server.use(...argoHandlers(PROD, auth));
    const result = await provider(prodOnly).provider.getLiveState(
      entity({ 'argocd/app-name': 'payments' }),
      'component:default/payments',
    );
    expect(result).toMatchObject({ type: 'observed', source: 'argocd:prod' });
    expect(requests.every(r => r.url.startsWith(`${PROD}/`))).toBe(true);
  });

  it('leaves the entity to other providers when no instance is configured', async () => {
    const result = await provider(undefined).provider.getLiveState(
      entity({ 'argocd/app-name': 'payments' }),
      'component:default/payments',
    );
    expect(result).toEqual({ type: 'none' });
    expect(requests).toHaveLength(0);
  });

  it('is unknown when an instance is named but none is configured', async () => {
    const result = expectUnknown(
      await provider(undefined).provider.getLiveState(
        entity({
          'argocd/app-name': 'payments',
          'argocd/instance-name': 'prod',
        }),
        'component:default/payments',
      ),
    );
    expect(result.reason).toContain('pragmaticGitops.argocd.instances');
    expect(result.findings?.[0].code).toBe('unknown-argocd-instance');
    expect(requests).toHaveLength(0);
  });

  it('asks for the instance annotation when several are configured', async () => {
    const result = expectUnknown(
      await provider(prodAndStaging).provider.getLiveState(
        entity({ 'argocd/app-name': 'payments' }),
        'component:default/payments',
      ),
    );
    expect(result.reason).toContain('argocd/instance-name');
    expect(result.reason).toContain('prod, staging');
    expect(requests).toHaveLength(0);
  });

  it('picks the instance named by the annotation and sends each token only to its host', async () => {
    const prodAuth: string[] = [];
    const stagingAuth: string[] = [];
    server.use(
      ...argoHandlers(PROD, prodAuth),
      ...argoHandlers(STAGING, stagingAuth),
    );
    const { provider: p } = provider(prodAndStaging);

    const [onProd, onStaging] = await Promise.all([
      p.getLiveState(
        entity({
          'argocd/app-name': 'payments',
          'argocd/instance-name': 'prod',
        }),
        'component:default/payments',
      ),
      p.getLiveState(
        entity(
          {
            'argocd/app-name': 'billing',
            'argocd/instance-name': 'staging',
          },
          'billing',
        ),
        'component:default/billing',
      ),
    ]);

    expect(onProd).toMatchObject({ type: 'observed', source: 'argocd:prod' });
    expect(onStaging).toMatchObject({
      type: 'observed',
      source: 'argocd:staging',
    });
    expect(prodAuth).toEqual([`Bearer ${PROD_TOKEN}`, `Bearer ${PROD_TOKEN}`]);
    expect(stagingAuth).toEqual([
      `Bearer ${STAGING_TOKEN}`,
      `Bearer ${STAGING_TOKEN}`,
    ]);
    const urls = requests.map(r => r.url).sort();
    expect(urls).toEqual([
      `${PROD}/api/v1/applications/payments`,
      `${PROD}/api/v1/applications/payments/managed-resources`,
      `${STAGING}/api/v1/applications/billing`,
      `${STAGING}/api/v1/applications/billing/managed-resources`,
    ]);
    for (const request of requests) {
      const expected = request.url.startsWith(`${PROD}/`)
        ? PROD_TOKEN
        : STAGING_TOKEN;
      expect(request.headers.get('authorization')).toBe(`Bearer ${expected}`);
    }
  });

  it('never logs a token or object contents', async () => {
    server.use(
      http.get(`${PROD}/api/v1/applications/*`, () =>
        HttpResponse.json({}, { status: 401 }),
      ),
      http.get(`${STAGING}/api/v1/applications/billing`, () =>
        HttpResponse.json(applicationBody('billing')),
      ),
      http.get(`${STAGING}/api/v1/applications/billing/managed-resources`, () =>
        HttpResponse.json({
          items: [
            {
              kind: 'Secret',
              namespace: 'payments',
              name: 'db',
              liveState: JSON.stringify(secret),
              targetState: JSON.stringify({ ...secret, metadata: 'broken' }),
            },
          ],
        }),
      ),
    );
    const { provider: p, logger } = provider(prodAndStaging);
    const results = await Promise.all([
      p.getLiveState(
        entity({
          'argocd/app-name': 'payments',
          'argocd/instance-name': 'prod',
        }),
        'component:default/payments',
      ),
      p.getLiveState(
        entity(
          { 'argocd/app-name': 'billing', 'argocd/instance-name': 'staging' },
          'billing',
        ),
        'component:default/billing',
      ),
    ]);
    expect(results.map(r => r.type)).toEqual(['unknown', 'unknown']);
    // The tokens were really used, yet appear in no log line.
    // (The second prod request may be cancelled before it is sent.)
    const sent = new Set(requests.map(r => r.headers.get('authorization')));
    expect([...sent].sort()).toEqual([
      `Bearer ${PROD_TOKEN}`,
      `Bearer ${STAGING_TOKEN}`,
    ]);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(leaks(logger)).toEqual([]);
    expect(JSON.stringify(results)).not.toContain(SECRET_VALUE);
    expect(JSON.stringify(results)).not.toContain(PROD_TOKEN);
  });

  it.each(['dev', 'constructor', '__proto__', ''])(
    'reports an unknown instance %j with a finding and sends nothing',
    async instance => {
      const result = expectUnknown(
        await provider(prodAndStaging).provider.getLiveState(
          entity({
            'argocd/app-name': 'payments',
            'argocd/instance-name': instance,
          }),
          'component:default/payments',
        ),
      );
      expect(result.findings).toEqual([
        {
          severity: 'error',
          code: 'unknown-argocd-instance',
          message: expect.stringContaining(
            `argocd/instance-name names the Argo CD instance ${JSON.stringify(
              instance,
            )}`,
          ),
          location: 'argocd/instance-name',
        },
      ]);
      expect(result.findings![0].message).toContain('prod, staging');
      expect(result.reason).toBe(result.findings![0].message);
      expect(requests).toHaveLength(0);
    },
  );

  it('reports an unknown instance even when exactly one is configured', async () => {
    const result = expectUnknown(
      await provider(prodOnly).provider.getLiveState(
        entity({
          'argocd/app-name': 'payments',
          'argocd/instance-name': 'staging',
        }),
        'component:default/payments',
      ),
    );
    expect(result.findings?.[0].code).toBe('unknown-argocd-instance');
    expect(requests).toHaveLength(0);
  });

  it.each([
    '../../evil',
    'x?y=1',
    'http://evil.example',
    '..',
    '.',
    'a/b',
    'a#b',
    '%2e%2e',
    'Payments',
    '',
  ])('never lets the app name %j change the host or path', async appName => {
    const { provider: p } = provider(prodOnly);
    const result = expectUnknown(
      await p.getLiveState(
        entity({ 'argocd/app-name': appName }),
        'component:default/payments',
      ),
    );
    expect(result.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'invalid-argocd-app-name',
        location: 'argocd/app-name',
      }),
    ]);
    expect(requests).toHaveLength(0);
  });

  it('times out per instance and returns within about the timeout', async () => {
    server.use(
      http.get(`${PROD}/api/v1/applications/*`, async () => {
        await delay(3000);
        return HttpResponse.json({});
      }),
    );
    const { provider: p, logger } = provider([
      { name: 'prod', baseUrl: PROD, token: PROD_TOKEN, timeoutMs: 200 },
    ]);
    const started = Date.now();
    const result = expectUnknown(
      await p.getLiveState(
        entity({ 'argocd/app-name': 'payments' }),
        'component:default/payments',
      ),
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(1000);
    expect(result.reason).toContain(
      "Argo CD instance 'prod' did not answer within 200 ms",
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining("Argo CD instance 'prod' did not answer"),
    );
    expect(leaks(logger)).toEqual([]);
  });

  it('counts the timeout from when a request is sent, not while it is queued', async () => {
    server.use(
      http.get(`${PROD}/api/v1/applications/*`, async ({ request }) => {
        await delay(80);
        return request.url.endsWith('/managed-resources')
          ? HttpResponse.json(managedBody)
          : HttpResponse.json(applicationBody('x'));
      }),
    );
    const { provider: p } = provider([
      {
        name: 'prod',
        baseUrl: PROD,
        token: PROD_TOKEN,
        timeoutMs: 300,
        concurrency: 1,
      },
    ]);
    // 10 requests of 80 ms one at a time: far beyond 300 ms in total.
    const results = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map(name =>
        p.getLiveState(
          entity({ 'argocd/app-name': name }, name),
          `component:default/${name}`,
        ),
      ),
    );
    expect(results.map(r => r.type)).toEqual(Array(5).fill('observed'));
  });

  it('keeps at most `concurrency` requests in flight per instance', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    server.use(
      http.get(`${PROD}/api/v1/applications/*`, async ({ request }) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await delay(40);
        inFlight -= 1;
        return request.url.endsWith('/managed-resources')
          ? HttpResponse.json(managedBody)
          : HttpResponse.json(applicationBody('x'));
      }),
    );
    const { provider: p } = provider([
      { name: 'prod', baseUrl: PROD, token: PROD_TOKEN, concurrency: 3 },
    ]);
    const names = Array.from({ length: 10 }, (_, i) => `app-${i}`);
    const results = await Promise.all(
      names.map(name =>
        p.getLiveState(
          entity({ 'argocd/app-name': name }, name),
          `component:default/${name}`,
        ),
      ),
    );
    expect(results.every(r => r.type === 'observed')).toBe(true);
    expect(requests).toHaveLength(20);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThanOrEqual(2);
  });

  it('does not let a slow instance slow down another', async () => {
    server.use(
      http.get(`${PROD}/api/v1/applications/*`, async () => {
        await delay(3000);
        return HttpResponse.json({});
      }),
      ...argoHandlers(STAGING),
    );
    const { provider: p } = provider([
      {
        name: 'prod',
        baseUrl: PROD,
        token: PROD_TOKEN,
        timeoutMs: 500,
        concurrency: 1,
      },
      { name: 'staging', baseUrl: STAGING, token: STAGING_TOKEN },
    ]);
    const slow = p.getLiveState(
      entity({ 'argocd/app-name': 'a', 'argocd/instance-name': 'prod' }),
      'component:default/a',
    );
    const started = Date.now();
    const fast = await p.getLiveState(
      entity({ 'argocd/app-name': 'b', 'argocd/instance-name': 'staging' }),
      'component:default/b',
    );
    expect(Date.now() - started).toBeLessThan(400);
    expect(fast.type).toBe('observed');
    expect((await slow).type).toBe('unknown');
  });

  describe('failures become unknown with an actionable reason', () => {
    async function failWith(
      appResponse: () => Response,
      managedResponse: () => Response = () => HttpResponse.json(managedBody),
    ) {
      server.use(
        http.get(`${PROD}/api/v1/applications/payments`, appResponse),
        http.get(
          `${PROD}/api/v1/applications/payments/managed-resources`,
          managedResponse,
        ),
      );
      const { provider: p, logger } = provider(prodOnly);
      const result = expectUnknown(
        await p.getLiveState(
          entity({ 'argocd/app-name': 'payments' }),
          'component:default/payments',
        ),
      );
      expect(result.reason).toContain("'prod'");
      expect(result.reason).not.toContain(PROD_TOKEN);
      expect(result.reason).not.toContain(SECRET_VALUE);
      expect(result.findings).toBeUndefined();
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn.mock.calls[0][0]).toContain(result.reason);
      expect(logger.warn.mock.calls[0][0]).toContain(
        'component:default/payments',
      );
      expect(leaks(logger)).toEqual([]);
      return result.reason;
    }

    it('on 401, saying the token was rejected', async () => {
      const reason = await failWith(() =>
        HttpResponse.json({ error: 'no session' }, { status: 401 }),
      );
      expect(reason).toContain("Argo CD instance 'prod' rejected the token");
      expect(reason).toContain('HTTP 401');
    });

    it('on 403, saying the token was rejected', async () => {
      const reason = await failWith(
        () => HttpResponse.json({}, { status: 403 }),
        () => HttpResponse.json({}, { status: 403 }),
      );
      expect(reason).toContain('rejected the token (HTTP 403)');
    });

    it('on 404, saying the application is not found in the instance', async () => {
      const reason = await failWith(
        () => HttpResponse.json({ message: 'not found' }, { status: 404 }),
        () => HttpResponse.json({ message: 'not found' }, { status: 404 }),
      );
      expect(reason).toContain(
        "Application 'payments' not found in Argo CD instance 'prod'",
      );
    });

    it('on 5xx', async () => {
      const reason = await failWith(() =>
        HttpResponse.text('upstream down', { status: 503 }),
      );
      expect(reason).toContain("Argo CD instance 'prod' failed with HTTP 503");
      expect(reason).not.toContain('upstream down');
    });

    it('on a 5xx of the managed-resources request only', async () => {
      const reason = await failWith(
        () => HttpResponse.json(applicationBody('payments')),
        () => HttpResponse.json({}, { status: 500 }),
      );
      expect(reason).toContain('HTTP 500');
    });

    it('on a connection error', async () => {
      const reason = await failWith(() => HttpResponse.error());
      expect(reason).toContain(
        `Could not connect to Argo CD instance 'prod' at ${PROD}`,
      );
    });

    it('on a redirect, which is not followed', async () => {
      const reason = await failWith(() =>
        HttpResponse.text('', {
          status: 302,
          headers: { Location: 'https://evil.example/login' },
        }),
      );
      expect(reason).toContain('redirect (HTTP 302)');
      expect(requests.some(r => r.url.includes('evil.example'))).toBe(false);
    });

    it('on a body that is not JSON', async () => {
      const reason = await failWith(() =>
        HttpResponse.html('<html><body>Login</body></html>'),
      );
      expect(reason).toContain(
        "Argo CD instance 'prod' returned a response that is not JSON",
      );
      expect(reason).toContain('text/html');
      expect(reason).not.toContain('Login');
    });

    it('on an application body of the wrong shape', async () => {
      const reason = await failWith(() =>
        HttpResponse.json({ status: { sync: { status: 42 } } }),
      );
      expect(reason).toBe(
        "Argo CD instance 'prod' returned an unexpected response for application 'payments': status.sync.status is not a string",
      );
    });

    it('on a managed-resources body of the wrong shape', async () => {
      const reason = await failWith(
        () => HttpResponse.json(applicationBody('payments')),
        () => HttpResponse.json({ items: { nope: true } }),
      );
      expect(reason).toContain('managed-resources "items" is not a list');
    });

    it('on a JSON array instead of an object', async () => {
      const reason = await failWith(() => HttpResponse.json([1, 2, 3]));
      expect(reason).toContain('the application response is not a JSON object');
    });

    it('on an unparseable targetState, without quoting it', async () => {
      const reason = await failWith(
        () => HttpResponse.json(applicationBody('payments')),
        () =>
          HttpResponse.json({
            items: [
              managedBody.items[0],
              {
                kind: 'Secret',
                namespace: 'payments',
                name: 'db',
                targetState: `{"data":{"password":"${SECRET_VALUE}"`,
                liveState: JSON.stringify(secret),
              },
            ],
          }),
      );
      expect(reason).toContain(
        'managed-resources item 1 (Secret payments/db) has a targetState that is not valid JSON',
      );
    });

    it('on an unparseable liveState', async () => {
      const reason = await failWith(
        () => HttpResponse.json(applicationBody('payments')),
        () =>
          HttpResponse.json({
            items: [{ kind: 'Secret', name: 'db', liveState: '{oops' }],
          }),
      );
      expect(reason).toContain('liveState that is not valid JSON');
    });
  });
});
