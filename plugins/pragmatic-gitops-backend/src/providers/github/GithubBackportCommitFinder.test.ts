import { mockServices } from '@backstage/backend-test-utils';
import {
  API,
  commit,
  config,
  entity,
  filler,
  GHE_API,
  GHE_TOKEN,
  SINCE,
  SOURCE,
  TOKEN,
  useMockGithub,
} from './__testUtils__/githubServer';
import { GithubBackportCommitFinder } from './GithubBackportCommitFinder';

describe('GithubBackportCommitFinder', () => {
  const { requests, github } = useMockGithub();
  const logger = mockServices.logger.mock();
  const finder = GithubBackportCommitFinder.fromConfig(config, { logger });

  it('lists commits of the default branch and maps Backport-Of trailers', async () => {
    github([
      [
        commit('c3', 'Unrelated\n\nBackport-Of nothing'),
        commit('c2', 'Raise payments memory\n\nBackport-Of: HF-12, HF-13'),
        commit('c1', 'Scale payments\n\nSigned-off-by: A\nbackport-of: hf-14'),
      ],
    ]);
    const result = await finder.findBackports(entity(SOURCE), { since: SINCE });
    expect(result).toEqual({
      type: 'found',
      repository: 'github.com/acme/deploy',
      branch: 'trunk',
      truncated: false,
      commits: new Map([
        [
          'HF-12',
          {
            sha: 'c2',
            url: 'https://github.com/acme/deploy/commit/c2',
            subject: 'Raise payments memory',
            committedAt: '2025-03-02T10:00:00Z',
          },
        ],
        [
          'HF-13',
          {
            sha: 'c2',
            url: 'https://github.com/acme/deploy/commit/c2',
            subject: 'Raise payments memory',
            committedAt: '2025-03-02T10:00:00Z',
          },
        ],
        [
          'HF-14',
          {
            sha: 'c1',
            url: 'https://github.com/acme/deploy/commit/c1',
            subject: 'Scale payments',
            committedAt: '2025-03-02T10:00:00Z',
          },
        ],
      ]),
    });
    expect(requests.map(r => r.url)).toEqual([
      `${API}/repos/acme/deploy`,
      `${API}/repos/acme/deploy/commits?sha=trunk&since=2025-03-01T00%3A00%3A00.000Z&per_page=100&page=1`,
    ]);
    for (const request of requests) {
      expect(request.headers.get('authorization')).toMatch(
        new RegExp(`^(token|Bearer) ${TOKEN}$`),
      );
    }
  });

  it('keeps the oldest commit when several name the same hotfix', async () => {
    github([
      [
        commit('newer', 'Follow-up\n\nBackport-Of: HF-1'),
        commit('older', 'Back-port\n\nBackport-Of: HF-1'),
      ],
    ]);
    const result = await finder.findBackports(entity(SOURCE), { since: SINCE });
    expect(result.type === 'found' && result.commits.get('HF-1')?.sha).toBe(
      'older',
    );
  });

  it('paginates, at most three pages', async () => {
    github([
      filler(1, 100),
      filler(2, 100),
      [...filler(3, 99), commit('deep', 'Old\n\nBackport-Of: HF-2')],
      filler(4, 100),
    ]);
    const result = await finder.findBackports(entity(SOURCE), { since: SINCE });
    expect(requests.map(r => new URL(r.url).searchParams.get('page'))).toEqual([
      null,
      '1',
      '2',
      '3',
    ]);
    expect(result).toMatchObject({ type: 'found', truncated: true });
    expect(result.type === 'found' && result.commits.get('HF-2')?.sha).toBe(
      'deep',
    );
  });

  it('stops at the first short page', async () => {
    github([filler(1, 100), [commit('p2', 'Fix\n\nBackport-Of: HF-3')]]);
    const result = await finder.findBackports(entity(SOURCE), { since: SINCE });
    expect(requests).toHaveLength(3);
    expect(result).toMatchObject({ type: 'found', truncated: false });
    expect(result.type === 'found' && result.commits.has('HF-3')).toBe(true);
  });

  it('uses the Enterprise apiBaseUrl and token from config (blob URL too)', async () => {
    github(
      [[commit('e1', 'Fix\n\nBackport-Of: HF-9')]],
      GHE_API,
      'platform',
      'gitops',
    );
    const result = await finder.findBackports(
      entity(
        'url:https://ghe.example.com/platform/gitops/blob/main/apps/payments/deploy.yaml',
      ),
      { since: SINCE },
    );
    expect(result).toMatchObject({
      type: 'found',
      repository: 'ghe.example.com/platform/gitops',
    });
    expect(
      requests.map(r => new URL(r.url).origin + new URL(r.url).pathname),
    ).toEqual([
      `${GHE_API}/repos/platform/gitops`,
      `${GHE_API}/repos/platform/gitops/commits`,
    ]);
    for (const request of requests) {
      expect(request.headers.get('authorization')).toContain(GHE_TOKEN);
      expect(request.headers.get('authorization')).not.toContain(TOKEN);
    }
  });
});
