import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GitlabBackportCommitFinder } from './GitlabBackportCommitFinder';

const TOKEN = 'glpat-canaryTokenThatMustNeverLeak';
const HOST = 'gitlab.example.com';
const PROJECT_API = `https://${HOST}/api/v4/projects/platform%2Fdeploy%2Fshop`;
const SINCE = new Date('2026-11-01T00:00:00.000Z');
const config = new ConfigReader({
  integrations: {
    gitlab: [
      { host: HOST, apiBaseUrl: `https://${HOST}/api/v4`, token: TOKEN },
    ],
  },
});

function entity(source: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'shop',
      annotations: { 'pragmatic-gitops.io/source-location': source },
    },
    spec: {},
  };
}
const SOURCE = `url:https://${HOST}/platform/deploy/shop/-/tree/main/apps/shop`;

const commit = (id: string, message: string) => ({
  id,
  web_url: `https://${HOST}/platform/deploy/shop/-/commit/${id}`,
  message,
  committed_date: '2026-11-02T10:00:00.000Z',
});
const filler = (page: number, count: number) =>
  Array.from({ length: count }, (_, i) => commit(`p${page}c${i}`, 'Routine'));

describe('GitlabBackportCommitFinder', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const requests: Request[] = [];
  beforeEach(() => {
    requests.length = 0;
    server.events.on('request:start', ({ request }) => {
      requests.push(request.clone());
    });
  });
  afterEach(() => server.events.removeAllListeners());

  function gitlab(pages: unknown[][]) {
    server.use(
      http.get(PROJECT_API, () =>
        HttpResponse.json({ default_branch: 'main' }),
      ),
      http.get(`${PROJECT_API}/repository/commits`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return HttpResponse.json(pages[page - 1] ?? [], {
          headers: {
            'x-page': String(page),
            'x-per-page': '100',
            'x-next-page': page < pages.length ? String(page + 1) : '',
          },
        });
      }),
    );
  }
  const finder = () =>
    GitlabBackportCommitFinder.fromConfig(config, {
      logger: mockServices.logger.mock(),
    });

  it('reads the default branch and maps Backport-Of trailers, keeping the oldest commit per hotfix', async () => {
    gitlab([
      [
        commit('c3', 'Follow-up\n\nBackport-Of: HF-4'),
        commit('c2', 'Raise memory\n\nBackport-Of: HF-3, HF-4'),
        commit('c1', 'Unrelated'),
      ],
    ]);
    const result = await finder().findBackports(entity(SOURCE), {
      since: SINCE,
    });
    expect(result).toEqual({
      type: 'found',
      repository: `${HOST}/platform/deploy/shop`,
      branch: 'main',
      truncated: false,
      commits: new Map([
        [
          'HF-4',
          expect.objectContaining({ sha: 'c2', subject: 'Raise memory' }),
        ],
        ['HF-3', expect.objectContaining({ sha: 'c2' })],
      ]),
    });
    const list = new URL(requests[1].url);
    expect(list.searchParams.get('ref_name')).toBe('main');
    expect(list.searchParams.get('since')).toBe(SINCE.toISOString());
    // The token travels as a Bearer token, which fetch never forwards to another host.
    expect(requests[0].headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(requests[0].headers.get('private-token')).toBeNull();
  });

  it('pages through commits, at most three pages', async () => {
    gitlab([
      filler(1, 100),
      filler(2, 100),
      [...filler(3, 99), commit('deep', 'Old\n\nBackport-Of: HF-9')],
      filler(4, 100),
    ]);
    const result = await finder().findBackports(entity(SOURCE), {
      since: SINCE,
    });
    expect(result).toMatchObject({ type: 'found', truncated: true });
    expect(result.type === 'found' && result.commits.get('HF-9')?.sha).toBe(
      'deep',
    );
    expect(
      requests.slice(1).map(r => new URL(r.url).searchParams.get('page')),
    ).toEqual(['1', '2', '3']);
  });

  it('leaves sources on other hosts to other finders, calling nothing', async () => {
    for (const source of [
      'url:https://github.com/acme/deploy/tree/main/apps',
      'url:https://gitlab.com/acme/deploy/-/tree/main/apps',
      'dir:../deploy',
    ]) {
      const result = await finder().findBackports(entity(source), {
        since: SINCE,
      });
      expect(result.type).toBe('unsupported');
    }
    expect(requests).toHaveLength(0);
  });

  it.each([
    [401, /rejected the credentials \(401\)/],
    [404, /not found on GitLab \(404\)/],
    [500, /answered 500/],
  ])(
    'answers %i as an error naming the project, never the token',
    async (status, reason) => {
      server.use(
        http.get(PROJECT_API, () =>
          HttpResponse.json({ message: TOKEN }, { status }),
        ),
      );
      const result = await finder().findBackports(entity(SOURCE), {
        since: SINCE,
      });
      expect(result.type === 'error' && result.reason).toMatch(reason);
      expect(JSON.stringify(result)).not.toContain(TOKEN);
    },
  );

  it('gives up after the timeout', async () => {
    server.use(
      http.get(PROJECT_API, async () => {
        await delay(1000);
        return HttpResponse.json({ default_branch: 'main' });
      }),
    );
    const result = await GitlabBackportCommitFinder.fromConfig(config, {
      timeoutMs: 50,
    }).findBackports(entity(SOURCE), { since: SINCE });
    expect(result).toEqual({
      type: 'error',
      reason:
        'GitLab did not answer within 50 ms for project platform/deploy/shop',
    });
  });
});
