import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { HotfixBackport } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createTaskContext, outputsOf } from '../__testUtils__/actionContext';
import { DIFF, WRITTEN } from '../__testUtils__/backportFixtures';
import { createPragmaticGitopsBackportHotfixAction } from './backportHotfix';

const BACKPORT_URL =
  'http://localhost:0/api/pragmatic-gitops/hotfixes/:id/backport';

const SECRET_REFUSAL = {
  resource: { kind: 'Secret', namespace: 'payments', name: 'api-keys' },
  path: '/data/token',
  code: 'secret-value' as const,
  reason:
    'Secret values are never written into a patch: change it in your secret manager',
};

const PULL_REQUEST: HotfixBackport = {
  hotfixId: 'HF-42',
  type: 'pull-request',
  written: WRITTEN,
  refused: [SECRET_REFUSAL],
  pullRequest: {
    url: 'https://github.com/acme/deploy/pull/12',
    number: 12,
    branch: 'backport/HF-42',
    created: true,
  },
};

const PATCH: HotfixBackport = {
  hotfixId: 'HF-42',
  type: 'diff',
  written: WRITTEN,
  refused: [],
  diff: DIFF,
};

type Received = {
  id: string;
  body: string;
  authorization: string | null;
  contentType: string | null;
};

describe('pragmatic-gitops:hotfix:backport', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  let received: Received[];

  const answer = (status: number, body: object | string) => {
    server.use(
      http.post(BACKPORT_URL, async ({ request, params }) => {
        received.push({
          id: String(params.id),
          body: await request.text(),
          authorization: request.headers.get('authorization'),
          contentType: request.headers.get('content-type'),
        });
        return typeof body === 'string'
          ? new HttpResponse(body, { status })
          : HttpResponse.json(body as Record<string, unknown>, { status });
      }),
    );
  };

  const createAction = () =>
    createPragmaticGitopsBackportHotfixAction({
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
      discovery: mockServices.discovery(),
    });

  const createContext = createTaskContext;

  beforeEach(() => {
    received = [];
  });

  it('opens the pull request on behalf of the user and outputs its URL and the refusals', async () => {
    answer(201, PULL_REQUEST);
    const ctx = createContext({ hotfixId: 'HF-42' });

    await createAction().handler(ctx);

    expect(received).toEqual([
      {
        id: 'HF-42',
        body: '',
        contentType: null,
        authorization: `Bearer mock-service-token:${JSON.stringify({
          obo: 'user:default/oncall',
          target: 'pragmatic-gitops',
        })}`,
      },
    ]);
    expect(outputsOf(ctx)).toEqual({
      type: 'pull-request',
      pullRequestUrl: 'https://github.com/acme/deploy/pull/12',
      refused: [SECRET_REFUSAL],
    });
  });

  it('outputs the pull request already open (200) the same way', async () => {
    answer(200, {
      ...PULL_REQUEST,
      refused: [],
      pullRequest: { ...PULL_REQUEST.pullRequest, created: false },
    });
    const ctx = createContext({ hotfixId: ' HF-42 ' });

    await createAction().handler(ctx);

    expect(received[0].id).toBe('HF-42');
    expect(outputsOf(ctx)).toEqual({
      type: 'pull-request',
      pullRequestUrl: 'https://github.com/acme/deploy/pull/12',
      refused: [],
    });
  });

  it('outputs the unified diff of a local source', async () => {
    answer(200, PATCH);
    const ctx = createContext({ hotfixId: 'HF-42' });

    await createAction().handler(ctx);

    expect(outputsOf(ctx)).toEqual({ type: 'diff', diff: DIFF, refused: [] });
  });

  it('outputs no diff when every field is refused', async () => {
    answer(200, {
      hotfixId: 'HF-42',
      type: 'diff',
      written: [],
      refused: [SECRET_REFUSAL],
    });
    const ctx = createContext({ hotfixId: 'HF-42' });

    await createAction().handler(ctx);

    expect(outputsOf(ctx)).toEqual({ type: 'diff', refused: [SECRET_REFUSAL] });
  });

  it('does not call again when the task is retried', async () => {
    answer(201, PULL_REQUEST);
    const checkpoints = new Map<string, unknown>();
    const action = createAction();

    const first = createContext({ hotfixId: 'HF-42' }, {}, checkpoints);
    await action.handler(first);
    const retry = createContext({ hotfixId: 'HF-42' }, {}, checkpoints);
    await action.handler(retry);

    expect(received).toHaveLength(1);
    expect(outputsOf(retry)).toEqual(outputsOf(first));
  });

  it.each([
    [
      403,
      'NotAllowedError',
      'user:default/oncall may not update hotfixes of component:default/payments',
      'Could not back-port HF-42: refused (403 Forbidden: user:default/oncall may not update hotfixes of component:default/payments)',
    ],
    [
      409,
      'ConflictError',
      'HF-42 is backported, not pending-backport',
      'Could not back-port HF-42 (409 Conflict: HF-42 is backported, not pending-backport)',
    ],
    [
      404,
      'NotFoundError',
      'No hotfix HF-42',
      'Could not back-port HF-42 (404 Not Found: No hotfix HF-42)',
    ],
    [
      400,
      'InputError',
      'HF-42 touched no field',
      'The back-port of HF-42 was rejected (400 Bad Request: HF-42 touched no field)',
    ],
  ])(
    'surfaces a %i as %s with the backend message',
    async (status, name, backend, message) => {
      answer(status, {
        error: { name, message: backend },
        response: { statusCode: status },
      });

      await expect(
        createAction().handler(createContext({ hotfixId: 'HF-42' })),
      ).rejects.toMatchObject({ name, message });
    },
  );

  it('surfaces an SCM failure naming the repository, and tries again on retry', async () => {
    answer(502, {
      error: {
        name: 'Error',
        message:
          'GitHub refused to create branch backport/HF-42 in acme/deploy: Repository was archived so is read-only',
      },
      response: { statusCode: 502 },
    });
    const checkpoints = new Map<string, unknown>();

    await expect(
      createAction().handler(
        createContext({ hotfixId: 'HF-42' }, {}, checkpoints),
      ),
    ).rejects.toThrow(
      'Could not back-port HF-42 (502 Bad Gateway: GitHub refused to create branch backport/HF-42 in acme/deploy: Repository was archived so is read-only)',
    );

    answer(201, PULL_REQUEST);
    const retry = createContext({ hotfixId: 'HF-42' }, {}, checkpoints);
    await createAction().handler(retry);
    expect(received).toHaveLength(2);
    expect(outputsOf(retry).type).toBe('pull-request');
  });

  it('fails when the answer is not a back-port', async () => {
    answer(200, { id: 'HF-42', status: 'backported' });

    await expect(
      createAction().handler(createContext({ hotfixId: 'HF-42' })),
    ).rejects.toThrow(
      /answered the back-port of HF-42 with something that is not a back-port/,
    );
  });

  it.each([
    [
      { hotfixId: '' },
      'Invalid input hotfixId: must not be empty; give a hotfix id such as HF-42',
    ],
    [
      {},
      'Invalid input hotfixId: must not be empty; give a hotfix id such as HF-42',
    ],
    [
      { hotfixId: '42' },
      'Invalid input hotfixId: "42" is not a hotfix id such as HF-42',
    ],
    [
      { hotfixId: 'HF-0' },
      'Invalid input hotfixId: "HF-0" is not a hotfix id such as HF-42',
    ],
    [
      { hotfixId: 'HF-1/../../x' },
      'Invalid input hotfixId: "HF-1/../../x" is not a hotfix id such as HF-42',
    ],
    [
      { hotfixId: 42 },
      'Invalid input hotfixId: expected a string such as HF-42, got number',
    ],
  ])(
    'rejects the input %j without calling the backend',
    async (input, message) => {
      answer(201, PULL_REQUEST);

      await expect(
        createAction().handler(createContext(input)),
      ).rejects.toMatchObject({ name: 'InputError', message });
      expect(received).toHaveLength(0);
    },
  );

  it('writes nothing in a dry run, where the record step outputs HF-0', async () => {
    answer(201, PULL_REQUEST);
    const ctx = createContext({ hotfixId: 'HF-0' }, { isDryRun: true });

    await createAction().handler(ctx);

    expect(received).toHaveLength(0);
    expect(outputsOf(ctx)).toEqual({ type: 'dry-run', refused: [] });
  });
});
