import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createTaskContext, outputsOf } from '../__testUtils__/actionContext';
import { createPragmaticGitopsRecordHotfixAction } from './recordHotfix';

const HOTFIXES_URL = 'http://localhost:0/api/pragmatic-gitops/hotfixes';

const INPUT = {
  entityRef: 'component:default/payments',
  title: 'Scale payments to 6 replicas',
  description: 'Checkout timed out under load; scaled by hand.',
  incidentUrl: 'https://status.acme.example/incidents/1234',
  changes: [
    {
      kind: 'Deployment',
      namespace: 'payments',
      name: 'payments',
      paths: ['/spec/replicas'],
    },
  ],
};

const RECORDED = {
  id: 'HF-42',
  entityRef: 'component:default/payments',
  status: 'pending-backport',
  appliedBy: 'user:default/oncall',
  appliedAt: '2026-11-26T07:30:00.000Z',
};

type Received = {
  body: any;
  authorization: string | null;
  idempotencyKey: string | null;
  contentType: string | null;
};

describe('pragmatic-gitops:hotfix:record', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  let received: Received[];

  const answer = (status: number, body: object | string) => {
    server.use(
      http.post(HOTFIXES_URL, async ({ request }) => {
        received.push({
          body: await request.json(),
          authorization: request.headers.get('authorization'),
          idempotencyKey: request.headers.get('idempotency-key'),
          contentType: request.headers.get('content-type'),
        });
        return typeof body === 'string'
          ? new HttpResponse(body, { status })
          : HttpResponse.json(body as Record<string, unknown>, { status });
      }),
    );
  };

  const createAction = (data: Record<string, any> = {}) =>
    createPragmaticGitopsRecordHotfixAction({
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
      discovery: mockServices.discovery(),
      config: mockServices.rootConfig({
        data: { app: { baseUrl: 'https://backstage.acme.example' }, ...data },
      }),
    });

  const createContext = (
    input: Record<string, unknown>,
    overrides: Record<string, unknown> = {},
    checkpoints?: Map<string, unknown>,
  ) =>
    createTaskContext(
      input,
      { step: { id: 'record', name: 'Record the hotfix' }, ...overrides },
      checkpoints,
    );

  beforeEach(() => {
    received = [];
  });

  it('records the hotfix on behalf of the user and outputs its id, link and trailer', async () => {
    answer(201, RECORDED);
    const ctx = createContext(INPUT);

    await createAction().handler(ctx);

    expect(received).toHaveLength(1);
    expect(received[0].body).toEqual(INPUT);
    expect(received[0].contentType).toBe('application/json');
    expect(received[0].authorization).toBe(
      `Bearer mock-service-token:${JSON.stringify({
        obo: 'user:default/oncall',
        target: 'pragmatic-gitops',
      })}`,
    );
    expect(received[0].idempotencyKey).toBe('scaffolder:task-1:record');
    expect(outputsOf(ctx)).toEqual({
      id: 'HF-42',
      status: 'pending-backport',
      appliedBy: 'user:default/oncall',
      link: 'https://backstage.acme.example/catalog/default/component/payments/gitops',
      backportTrailer: 'Backport-Of: HF-42',
    });
  });

  it('never sends an identity in the body, nor fields it does not know', async () => {
    answer(201, RECORDED);

    await createAction().handler(
      createContext({
        ...INPUT,
        appliedBy: 'user:default/someone-else',
        user: 'user:default/someone-else',
        changes: [{ ...INPUT.changes[0], appliedBy: 'user:default/x' }],
      }),
    );

    const body = received[0].body;
    expect(body).toEqual(INPUT);
    expect(JSON.stringify(body)).not.toMatch(/appliedBy|someone-else|oncall/);
  });

  it('accepts a 200 answer for a request it already recorded', async () => {
    answer(200, { ...RECORDED, id: 'HF-7' });
    const ctx = createContext(INPUT);

    await createAction().handler(ctx);

    expect(outputsOf(ctx)).toMatchObject({
      id: 'HF-7',
      backportTrailer: 'Backport-Of: HF-7',
    });
  });

  it('trims the input, omits blank optional fields and normalises appliedAt', async () => {
    answer(201, RECORDED);

    await createAction().handler(
      createContext({
        entityRef: ' Resource:Billing/payments-db ',
        title: '  Raise max_connections ',
        description: '',
        incidentUrl: '   ',
        appliedAt: '2026-11-26T09:15:00+01:00',
        changes: [
          { kind: 'Cluster', namespace: '', name: 'payments-db', paths: [''] },
          { kind: 'Secret', name: 'payments-db-app' },
        ],
      }),
    );

    expect(received[0].body).toEqual({
      entityRef: 'resource:billing/payments-db',
      title: 'Raise max_connections',
      appliedAt: '2026-11-26T08:15:00.000Z',
      changes: [
        { kind: 'Cluster', name: 'payments-db' },
        { kind: 'Secret', name: 'payments-db-app' },
      ],
    });
  });

  it('links to the entity page in lower-case kind and namespace, without a doubled slash', async () => {
    answer(201, RECORDED);
    const ctx = createContext({
      ...INPUT,
      entityRef: 'resource:billing/payments-db',
    });

    await createAction({
      app: { baseUrl: 'https://backstage.acme.example/' },
    }).handler(ctx);

    expect(outputsOf(ctx).link).toBe(
      'https://backstage.acme.example/catalog/billing/resource/payments-db/gitops',
    );
  });

  it('does not record twice when the task is retried', async () => {
    answer(201, RECORDED);
    const checkpoints = new Map<string, unknown>();
    const action = createAction();

    const first = createContext(INPUT, {}, checkpoints);
    await action.handler(first);
    answer(201, { ...RECORDED, id: 'HF-43' });
    const retry = createContext(INPUT, {}, checkpoints);
    await action.handler(retry);

    expect(received).toHaveLength(1);
    expect(outputsOf(retry)).toEqual(outputsOf(first));
    expect(outputsOf(retry).id).toBe('HF-42');
  });

  it('sends the same Idempotency-Key when a retry finds no checkpoint', async () => {
    answer(200, RECORDED);
    const action = createAction();

    await action.handler(createContext(INPUT));
    await action.handler(createContext(INPUT));

    expect(received.map(r => r.idempotencyKey)).toEqual([
      'scaffolder:task-1:record',
      'scaffolder:task-1:record',
    ]);
  });

  it('posts again on retry when the first attempt failed', async () => {
    answer(503, { error: { name: 'Error', message: 'database is down' } });
    const checkpoints = new Map<string, unknown>();
    const action = createAction();

    await expect(
      action.handler(createContext(INPUT, {}, checkpoints)),
    ).rejects.toThrow(/503.*database is down/);
    answer(201, RECORDED);
    const retry = createContext(INPUT, {}, checkpoints);
    await action.handler(retry);

    expect(received).toHaveLength(2);
    expect(received[0].idempotencyKey).toBe(received[1].idempotencyKey);
    expect(outputsOf(retry).id).toBe('HF-42');
  });

  it('gives every item of a step run with each its own checkpoint and key', async () => {
    answer(201, RECORDED);
    const checkpoints = new Map<string, unknown>();
    const action = createAction();

    for (const value of ['payments', 'ledger']) {
      await action.handler(
        createContext(
          { ...INPUT, entityRef: `component:default/${value}` },
          { each: { key: '0', value } },
          checkpoints,
        ),
      );
    }

    expect(received).toHaveLength(2);
    const [a, b] = received.map(r => r.idempotencyKey);
    expect(a).toMatch(/^scaffolder:task-1:record:[0-9a-f]{16}$/);
    expect(b).toMatch(/^scaffolder:task-1:record:[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    expect(checkpoints.size).toBe(2);
  });

  it('hashes an Idempotency-Key that would be longer than 200 characters', async () => {
    answer(201, RECORDED);

    await createAction().handler(
      createContext(INPUT, { step: { id: 'r'.repeat(200), name: 'Record' } }),
    );

    expect(received[0].idempotencyKey).toMatch(/^scaffolder:[0-9a-f]{64}$/);
  });

  it('surfaces a refusal (403) with the entity and the backend message', async () => {
    answer(403, {
      error: {
        name: 'NotAllowedError',
        message: 'user:default/guest may not create hotfixes',
      },
      request: { method: 'POST', url: '/api/pragmatic-gitops/hotfixes' },
      response: { statusCode: 403 },
    });

    const done = createAction().handler(createContext(INPUT));

    await expect(done).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'Could not record the hotfix: you may not record hotfixes for component:default/payments (403 Forbidden: user:default/guest may not create hotfixes)',
    });
  });

  it('surfaces a rejected input (400) with the backend message naming the field', async () => {
    answer(400, {
      error: {
        name: 'InputError',
        message: 'changes[0].kind: must not be empty',
      },
      response: { statusCode: 400 },
    });

    await expect(
      createAction().handler(createContext(INPUT)),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'The hotfix for component:default/payments was rejected (400 Bad Request: changes[0].kind: must not be empty)',
    });
  });

  it.each([
    [404, 'NotFoundError', 'No entity component:default/payments'],
    [409, 'ConflictError', 'Idempotency-Key reused with another request'],
    [401, 'AuthenticationError', 'Missing credentials'],
  ])('surfaces a %i as %s', async (status, name, message) => {
    answer(status, {
      error: { name, message },
      response: { statusCode: status },
    });

    await expect(
      createAction().handler(createContext(INPUT)),
    ).rejects.toMatchObject({
      name,
      message: expect.stringContaining(`(${status} `),
    });
    await expect(createAction().handler(createContext(INPUT))).rejects.toThrow(
      message,
    );
  });

  it('surfaces a failure without Backstage error JSON with its status', async () => {
    answer(502, '<html>Bad gateway</html>');

    await expect(createAction().handler(createContext(INPUT))).rejects.toThrow(
      /^Could not record the hotfix for component:default\/payments: the Pragmatic GitOps backend failed \(502 Bad Gateway: /,
    );
  });

  it('fails when the answer has no hotfix id', async () => {
    answer(201, { status: 'pending-backport' });

    await expect(createAction().handler(createContext(INPUT))).rejects.toThrow(
      /answered without a hotfix id/,
    );
  });

  it.each([
    [
      'entityRef',
      { entityRef: '' },
      /Invalid input entityRef: must not be empty/,
    ],
    [
      'entityRef',
      { entityRef: 'component:default/' },
      /Invalid input entityRef: "component:default\/" is not an entity reference/,
    ],
    ['title', { title: '  ' }, /Invalid input title: must not be empty/],
    [
      'incidentUrl',
      { incidentUrl: 'ftp://files.acme.example/incident-1234.txt' },
      /Invalid input incidentUrl: "ftp:\/\/files.acme.example\/incident-1234.txt" is not an http\(s\) URL/,
    ],
    [
      'incidentUrl',
      { incidentUrl: 'INC-1234' },
      /Invalid input incidentUrl: "INC-1234" is not a URL/,
    ],
    [
      'appliedAt',
      { appliedAt: 'yesterday' },
      /Invalid input appliedAt: "yesterday" is not an ISO 8601 date-time/,
    ],
    ['changes', { changes: [] }, /Invalid input changes: name at least one/],
    [
      'changes',
      { changes: 'Deployment/payments' },
      /Invalid input changes: expected a list .*got string/,
    ],
    [
      'changes[0].name',
      { changes: [{ kind: 'Deployment' }] },
      /Invalid input changes\[0\]\.name: must not be empty/,
    ],
    [
      'changes[0].paths[1]',
      {
        changes: [
          { kind: 'Deployment', name: 'web', paths: ['/ok', 'spec.replicas'] },
        ],
      },
      /Invalid input changes\[0\]\.paths\[1\]: "spec.replicas" is not a JSON pointer/,
    ],
    [
      'changes[0].paths',
      { changes: [{ kind: 'Deployment', name: 'web', paths: '/spec' }] },
      /Invalid input changes\[0\]\.paths: expected a list of JSON pointers, got string/,
    ],
  ])(
    'rejects an invalid %s without calling the backend',
    async (_, patch, message) => {
      answer(201, RECORDED);

      await expect(
        createAction().handler(createContext({ ...INPUT, ...patch })),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(message),
      });
      expect(received).toHaveLength(0);
    },
  );

  it('records nothing in a dry run', async () => {
    answer(201, RECORDED);
    const ctx = createContext(INPUT, { isDryRun: true });

    await createAction().handler(ctx);

    expect(received).toHaveLength(0);
    expect(outputsOf(ctx)).toEqual({
      id: 'HF-0',
      status: 'dry-run',
      link: 'https://backstage.acme.example/catalog/default/component/payments/gitops',
      backportTrailer: 'Backport-Of: HF-0',
    });
  });

  it('links relative to the app when app.baseUrl is not configured', async () => {
    answer(201, RECORDED);
    const ctx = createContext(INPUT);

    await createPragmaticGitopsRecordHotfixAction({
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
      discovery: mockServices.discovery(),
      config: mockServices.rootConfig({ data: {} }),
    }).handler(ctx);

    expect(outputsOf(ctx).link).toBe(
      '/catalog/default/component/payments/gitops',
    );
  });
});
