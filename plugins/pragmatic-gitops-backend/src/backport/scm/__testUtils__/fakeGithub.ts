/**
 * A GitHub repository served by msw, with state: files on branches, commits,
 * refs and pull requests, enough for the back-port pull request opener (Git
 * Data API, pulls) and the back-port commit finder (commits of the default
 * branch). `merge()` merges a pull request as GitHub's merge button does.
 */
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';

export const GITHUB_TOKEN = 'ghp_canaryBackportTokenThatMustNeverLeak01';
export const GITHUB_API = 'https://api.github.com';

type Commit = {
  sha: string;
  message: string;
  parents: string[];
  files: Map<string, string>;
  date: string;
};
type Pull = {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  merged: boolean;
};

export type FakeGithubRepo = ReturnType<typeof fakeGithubRepo>;

/** `owner/repo` on github.com with `files` on its default branch `main`. */
export function fakeGithubRepo(
  server: SetupServer,
  options: {
    owner?: string;
    repo?: string;
    files: Record<string, string>;
    archived?: boolean;
    push?: boolean;
  },
) {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'deploy';
  const base = `${GITHUB_API}/repos/${owner}/${repo}`;
  const commits = new Map<string, Commit>();
  const refs = new Map<string, string>();
  const trees = new Map<string, Map<string, string>>();
  const pulls: Pull[] = [];
  let counter = 0;
  const sha = (prefix: string) =>
    `${prefix}${String(++counter).padStart(39 - prefix.length, '0')}`;
  const state = {
    archived: options.archived ?? false,
    push: options.push ?? true,
    /** Authorization headers seen. */
    authorizations: new Set<string>(),
  };

  const root: Commit = {
    sha: sha('c'),
    message: 'Initial manifests',
    parents: [],
    files: new Map(Object.entries(options.files)),
    date: '2026-11-01T00:00:00Z',
  };
  commits.set(root.sha, root);
  refs.set('main', root.sha);
  trees.set(`t${root.sha}`, root.files);

  const notFound = () =>
    HttpResponse.json({ message: 'Not Found' }, { status: 404 });
  const readOnly = () => {
    if (state.archived) {
      return HttpResponse.json(
        { message: 'Repository was archived so is read-only.' },
        { status: 403 },
      );
    }
    return state.push
      ? undefined
      : HttpResponse.json(
          { message: 'Resource not accessible by integration' },
          { status: 403 },
        );
  };
  const pullJson = (pull: Pull) => ({
    number: pull.number,
    html_url: `https://github.com/${owner}/${repo}/pull/${pull.number}`,
    state: pull.state,
    merged: pull.merged,
    head: { ref: pull.head },
    base: { ref: pull.base },
    title: pull.title,
    body: pull.body,
  });
  const path = (url: string, after: string) =>
    decodeURIComponent(new URL(url).pathname).split(after)[1] ?? '';

  server.use(
    http.all(`${GITHUB_API}/*`, ({ request }) => {
      state.authorizations.add(request.headers.get('authorization') ?? '');
      return undefined;
    }),
    http.get(base, () =>
      HttpResponse.json({
        default_branch: 'main',
        archived: state.archived,
        permissions: { admin: false, push: state.push, pull: true },
      }),
    ),
    http.get(`${base}/git/ref/*`, ({ request }) => {
      const branch = path(request.url, '/git/ref/heads/');
      const at = refs.get(branch);
      return at
        ? HttpResponse.json({
            ref: `refs/heads/${branch}`,
            object: { sha: at },
          })
        : notFound();
    }),
    http.get(`${base}/git/commits/:sha`, ({ params }) => {
      const commit = commits.get(String(params.sha));
      return commit
        ? HttpResponse.json({
            sha: commit.sha,
            tree: { sha: `t${commit.sha}` },
          })
        : notFound();
    }),
    http.get(`${base}/contents/*`, ({ request }) => {
      const file = path(request.url, '/contents/');
      const ref = new URL(request.url).searchParams.get('ref') ?? 'main';
      const commit = commits.get(refs.get(ref) ?? ref);
      const text = commit?.files.get(file);
      return text === undefined
        ? notFound()
        : HttpResponse.json({
            type: 'file',
            path: file,
            encoding: 'base64',
            content: Buffer.from(text, 'utf8').toString('base64'),
          });
    }),
    http.post(`${base}/git/trees`, async ({ request }) => {
      const denied = readOnly();
      if (denied) return denied;
      const body = (await request.json()) as {
        base_tree: string;
        tree: Array<{ path: string; content: string }>;
      };
      const files = new Map(trees.get(body.base_tree) ?? []);
      for (const entry of body.tree) files.set(entry.path, entry.content);
      const id = sha('t');
      trees.set(id, files);
      return HttpResponse.json({ sha: id }, { status: 201 });
    }),
    http.post(`${base}/git/commits`, async ({ request }) => {
      const body = (await request.json()) as {
        message: string;
        tree: string;
        parents: string[];
      };
      const commit: Commit = {
        sha: sha('c'),
        message: body.message,
        parents: body.parents,
        files: trees.get(body.tree)!,
        date: new Date().toISOString(),
      };
      commits.set(commit.sha, commit);
      trees.set(`t${commit.sha}`, commit.files);
      return HttpResponse.json({ sha: commit.sha }, { status: 201 });
    }),
    http.post(`${base}/git/refs`, async ({ request }) => {
      const body = (await request.json()) as { ref: string; sha: string };
      const branch = body.ref.replace(/^refs\/heads\//, '');
      if (refs.has(branch)) {
        return HttpResponse.json(
          { message: 'Reference already exists' },
          { status: 422 },
        );
      }
      refs.set(branch, body.sha);
      return HttpResponse.json({ ref: body.ref }, { status: 201 });
    }),
    http.patch(`${base}/git/refs/*`, async ({ request }) => {
      const branch = path(request.url, '/git/refs/heads/');
      const body = (await request.json()) as { sha: string };
      refs.set(branch, body.sha);
      return HttpResponse.json({ ref: `refs/heads/${branch}` });
    }),
    http.get(`${base}/pulls`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      const head = query.get('head')?.replace(`${owner}:`, '');
      return HttpResponse.json(
        pulls
          .filter(p => (head ? p.head === head : true))
          .filter(p => query.get('state') !== 'open' || p.state === 'open')
          .map(pullJson),
      );
    }),
    http.get(`${base}/pulls/:number`, ({ params }) => {
      const pull = pulls.find(p => p.number === Number(params.number));
      return pull ? HttpResponse.json(pullJson(pull)) : notFound();
    }),
    http.post(`${base}/pulls`, async ({ request }) => {
      const body = (await request.json()) as Omit<Pull, 'number'>;
      if (pulls.some(p => p.head === body.head && p.state === 'open')) {
        return HttpResponse.json(
          {
            message: 'Validation Failed',
            errors: [
              {
                message: `A pull request already exists for ${owner}:${body.head}.`,
              },
            ],
          },
          { status: 422 },
        );
      }
      const pull: Pull = {
        number: pulls.length + 1,
        head: body.head,
        base: body.base,
        title: body.title,
        body: body.body,
        state: 'open',
        merged: false,
      };
      pulls.push(pull);
      return HttpResponse.json(pullJson(pull), { status: 201 });
    }),
    http.get(`${base}/commits`, ({ request }) => {
      const branch = new URL(request.url).searchParams.get('sha') ?? 'main';
      const list: Commit[] = [];
      for (let at = refs.get(branch); at; ) {
        const commit = commits.get(at)!;
        list.push(commit);
        at = commit.parents[0];
      }
      return HttpResponse.json(
        list.map(c => ({
          sha: c.sha,
          html_url: `https://github.com/${owner}/${repo}/commit/${c.sha}`,
          commit: { message: c.message, committer: { date: c.date } },
        })),
      );
    }),
  );

  return {
    state,
    pulls,
    /** The files of a branch's head. */
    filesOf(branch: string): Map<string, string> | undefined {
      const at = refs.get(branch);
      return at ? commits.get(at)?.files : undefined;
    },
    /** The head commit of a branch. */
    headOf(branch: string): Commit | undefined {
      const at = refs.get(branch);
      return at ? commits.get(at) : undefined;
    },
    /** Opens a pull request by hand, as someone else would. */
    openPull(head: string, baseBranch = 'main'): Pull {
      const pull: Pull = {
        number: pulls.length + 1,
        head,
        base: baseBranch,
        title: 'By hand',
        body: '',
        state: 'open',
        merged: false,
      };
      pulls.push(pull);
      return pull;
    },
    /** Fast-forwards the base to the pull request's head and closes it. */
    merge(number: number) {
      const pull = pulls.find(p => p.number === number)!;
      refs.set(pull.base, refs.get(pull.head)!);
      pull.state = 'closed';
      pull.merged = true;
    },
    close(number: number) {
      pulls.find(p => p.number === number)!.state = 'closed';
    },
  };
}
