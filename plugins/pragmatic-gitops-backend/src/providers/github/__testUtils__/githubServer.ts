/** A mocked GitHub (msw) and fixtures for the back-port commit finder tests. */
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

export const TOKEN = 'ghp_canaryTokenThatMustNeverLeak0001';
export const GHE_TOKEN = 'ghe_canaryTokenThatMustNeverLeak0002';
export const API = 'https://api.github.com';
export const GHE_API = 'https://ghe.example.com/api/v3';
export const SINCE = new Date('2025-03-01T00:00:00.000Z');
export const SOURCE =
  'url:https://github.com/acme/deploy/tree/release/apps/payments';

export const config = new ConfigReader({
  integrations: {
    github: [
      { host: 'github.com', token: TOKEN },
      { host: 'ghe.example.com', apiBaseUrl: GHE_API, token: GHE_TOKEN },
      { host: 'ghe-no-api.example.com' },
    ],
  },
});

export function entity(source?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments',
      annotations: source
        ? { 'pragmatic-gitops.io/source-location': source }
        : {},
    },
    spec: {},
  };
}

export function commit(sha: string, message: string) {
  return {
    sha,
    html_url: `https://github.com/acme/deploy/commit/${sha}`,
    commit: { message, committer: { date: '2025-03-02T10:00:00Z' } },
  };
}

export function filler(page: number, count: number) {
  return Array.from({ length: count }, (_, i) =>
    commit(`p${page}c${i}`, `Routine change ${page}.${i}`),
  );
}

/**
 * Call inside `describe`: an msw server that fails on any unhandled request,
 * the requests it saw, and `github()` to serve a repository whose default
 * branch is `trunk` with the given commit pages.
 */
export function useMockGithub() {
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

  function github(
    pages: unknown[][],
    base = API,
    owner = 'acme',
    repo = 'deploy',
  ) {
    server.use(
      http.get(`${base}/repos/${owner}/${repo}`, () =>
        HttpResponse.json({ default_branch: 'trunk' }),
      ),
      http.get(`${base}/repos/${owner}/${repo}/commits`, ({ request }) => {
        const url = new URL(request.url);
        const page = Number(url.searchParams.get('page') ?? 1);
        // As GitHub does: a Link header names the next page while there is one.
        url.searchParams.set('page', String(page + 1));
        return HttpResponse.json(pages[page - 1] ?? [], {
          headers: page < pages.length ? { link: `<${url}>; rel="next"` } : {},
        });
      }),
    );
  }

  return { server, requests, github };
}
