import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { delay, http, HttpResponse } from 'msw';
import {
  API,
  commit,
  config,
  entity,
  GHE_API,
  SINCE,
  SOURCE,
  TOKEN,
  useMockGithub,
} from './__testUtils__/githubServer';
import { GithubBackportCommitFinder } from './GithubBackportCommitFinder';

describe('GithubBackportCommitFinder: unsupported sources and failures', () => {
  const { server, requests, github } = useMockGithub();
  const logger = mockServices.logger.mock();
  const finder = GithubBackportCommitFinder.fromConfig(config, { logger });

  it.each([
    [
      'a host with no GitHub integration',
      'url:https://gitlab.example.com/acme/deploy/tree/main/x',
    ],
    [
      'a look-alike host',
      'url:https://github.com.evil.example/acme/deploy/tree/main/x',
    ],
    [
      'a configured host without apiBaseUrl',
      'url:https://ghe-no-api.example.com/acme/deploy/tree/main/x',
    ],
    ['a dir: location', 'dir:./manifests'],
    ['no source location', undefined],
    ['not a repository URL', 'url:https://github.com/acme'],
    ['an unparseable annotation', 'https://github.com/acme/deploy'],
    // Names that would leave /repos/{owner}/{repo} or GitHub's character set.
    ['an owner ..', 'url:https://github.com/../deploy/tree/main/x'],
    ['an owner with a dot', 'url:https://github.com/acme.corp/deploy'],
    ['an owner with a leading hyphen', 'url:https://github.com/-acme/deploy'],
    ['an encoded slash', 'url:https://github.com/acme%2F..%2Fusers/deploy'],
    ['a repository ..', 'url:https://github.com/acme/../tree/main/x'],
    ['a repository with a space', 'url:https://github.com/acme/de%20ploy'],
    [
      'an owner of 40 characters',
      `url:https://github.com/${'a'.repeat(40)}/deploy`,
    ],
  ])('is unsupported for %s and sends nothing', async (_title, source) => {
    const result = await finder.findBackports(entity(source), { since: SINCE });
    expect(result.type).toBe('unsupported');
    expect(requests).toHaveLength(0);
  });

  it('does not call github.com when only other hosts are configured', async () => {
    const gheOnly = GithubBackportCommitFinder.fromConfig(
      new ConfigReader({
        integrations: {
          github: [{ host: 'ghe.example.com', apiBaseUrl: GHE_API }],
        },
      }),
    );
    const result = await gheOnly.findBackports(entity(SOURCE), {
      since: SINCE,
    });
    expect(result).toEqual({
      type: 'unsupported',
      reason: 'no GitHub integration is configured for github.com',
    });
    expect(requests).toHaveLength(0);
  });

  it.each([
    [404, 'repo', /not found on GitHub \(404\)/],
    [401, 'repo', /rejected the credentials \(401\)/],
    [403, 'repo', /refused access \(403\)/],
    [500, 'repo', /answered 500/],
    [502, 'commits', /answered 502/],
    [404, 'commits', /not found on GitHub \(404\)/],
    [301, 'repo', /redirect \(301\)/],
  ])(
    'answers %i on %s as an error, never throwing',
    async (status, where, reason) => {
      github([[commit('c1', 'Fix\n\nBackport-Of: HF-1')]]);
      const path =
        where === 'repo'
          ? `${API}/repos/acme/deploy`
          : `${API}/repos/acme/deploy/commits`;
      server.use(
        http.get(
          path,
          () =>
            new HttpResponse(
              status === 301 ? null : JSON.stringify({ message: TOKEN }),
              {
                status,
                headers:
                  status === 301
                    ? { location: 'https://elsewhere.example/x' }
                    : {},
              },
            ),
        ),
      );
      const result = await finder.findBackports(entity(SOURCE), {
        since: SINCE,
      });
      expect(result.type).toBe('error');
      expect(result.type === 'error' && result.reason).toMatch(reason);
      expect(requests.every(r => r.url.startsWith(`${API}/`))).toBe(true);
    },
  );

  it('never follows a pagination link to another host with the token', async () => {
    github([]);
    server.use(
      http.get(`${API}/repos/acme/deploy/commits`, () =>
        HttpResponse.json(
          Array.from({ length: 100 }, (_, i) => commit(`c${i}`, 'Routine')),
          {
            headers: {
              link: '<https://attacker.example/repos/acme/deploy/commits?page=2>; rel="next"',
            },
          },
        ),
      ),
    );
    const result = await finder.findBackports(entity(SOURCE), { since: SINCE });
    expect(result).toEqual({
      type: 'error',
      reason: `refusing to call outside ${API} for commits of repository acme/deploy`,
    });
    expect(requests.every(r => r.url.startsWith(`${API}/`))).toBe(true);
  });

  it('reports rate limiting', async () => {
    server.use(
      http.get(`${API}/repos/acme/deploy`, () =>
        HttpResponse.json(
          {},
          { status: 403, headers: { 'x-ratelimit-remaining': '0' } },
        ),
      ),
    );
    const result = await finder.findBackports(entity(SOURCE), { since: SINCE });
    expect(result).toEqual({
      type: 'error',
      reason: 'GitHub rate limit exceeded (403) for repository acme/deploy',
    });
  });

  it('gives up after the timeout', async () => {
    const slow = GithubBackportCommitFinder.fromConfig(config, {
      timeoutMs: 50,
    });
    server.use(
      http.get(`${API}/repos/acme/deploy`, async () => {
        await delay(1000);
        return HttpResponse.json({ default_branch: 'trunk' });
      }),
    );
    const result = await slow.findBackports(entity(SOURCE), { since: SINCE });
    expect(result).toEqual({
      type: 'error',
      reason: 'GitHub did not answer within 50 ms for repository acme/deploy',
    });
  });

  it.each([
    ['a network failure', () => HttpResponse.error(), /could not be reached/],
    [
      'malformed JSON',
      () => new HttpResponse('{not json', { status: 200 }),
      /malformed JSON/,
    ],
    [
      'no default branch',
      () => HttpResponse.json({}),
      /did not report a default branch/,
    ],
  ])('reports %s as an error', async (_title, resolver, reason) => {
    server.use(http.get(`${API}/repos/acme/deploy`, resolver));
    const result = await finder.findBackports(entity(SOURCE), { since: SINCE });
    expect(result.type === 'error' && result.reason).toMatch(reason);
  });

  it('reports a malformed commit list as an error', async () => {
    github([]);
    server.use(
      http.get(`${API}/repos/acme/deploy/commits`, () =>
        HttpResponse.json({ oops: true }),
      ),
    );
    const result = await finder.findBackports(entity(SOURCE), { since: SINCE });
    expect(result.type === 'error' && result.reason).toMatch(
      /malformed commit list/,
    );
  });

  it('skips malformed commits', async () => {
    github([
      [
        { sha: 1 },
        null,
        { sha: 'x', commit: {} },
        commit('ok', 'Fix\n\nBackport-Of: HF-5'),
      ],
    ]);
    const result = await finder.findBackports(entity(SOURCE), { since: SINCE });
    expect(result.type === 'found' && [...result.commits.keys()]).toEqual([
      'HF-5',
    ]);
  });

  it('never logs or returns the token', async () => {
    const log = mockServices.logger.mock();
    const logged = GithubBackportCommitFinder.fromConfig(config, {
      logger: log,
    });
    server.use(
      http.get(`${API}/repos/acme/deploy`, () =>
        HttpResponse.json(
          { message: `Bad credentials ${TOKEN}` },
          { status: 401 },
        ),
      ),
    );
    const result = await logged.findBackports(entity(SOURCE), { since: SINCE });
    expect(log.warn).toHaveBeenCalledTimes(1);
    const everything = JSON.stringify([
      result,
      log.warn.mock.calls,
      log.info.mock.calls,
      log.error.mock.calls,
      log.debug.mock.calls,
    ]);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain('canaryToken');
  });
});
