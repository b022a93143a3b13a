/**
 * A GitLab project served by msw, with state: files on branches, commits and
 * merge requests, enough for the back-port merge request opener (files,
 * commits, merge requests) and the back-port commit finder (commits of the
 * default branch). `merge()` merges a merge request as GitLab's button does.
 */
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';

export const GITLAB_TOKEN = 'glpat-canaryBackportTokenThatMustNeverLeak';
export const GITLAB_HOST = 'gitlab.example.com';
const API = `https://${GITLAB_HOST}/api/v4`;

type Commit = { id: string; message: string; committed_date: string };
type Branch = { files: Map<string, string>; commits: Commit[] };
type MergeRequest = {
  iid: number;
  source_branch: string;
  target_branch: string;
  title: string;
  description: string;
  state: 'opened' | 'closed' | 'merged';
};

export type FakeGitlabProject = ReturnType<typeof fakeGitlabProject>;

/** Project `platform/deploy` with `files` on its default branch `main`. */
export function fakeGitlabProject(
  server: SetupServer,
  options: {
    files: Record<string, string>;
    archived?: boolean;
    accessLevel?: number;
  },
) {
  const project = 'platform/deploy';
  const branches = new Map<string, Branch>([
    [
      'main',
      {
        files: new Map(Object.entries(options.files)),
        commits: [
          {
            id: 'c0',
            message: 'Initial manifests',
            committed_date: '2026-11-01T00:00:00Z',
          },
        ],
      },
    ],
  ]);
  const mergeRequests: MergeRequest[] = [];
  let commitCount = 0;
  const authorizations = new Set<string>();
  const web = `https://${GITLAB_HOST}/${project}`;
  const json = (mr: MergeRequest) => ({
    ...mr,
    web_url: `${web}/-/merge_requests/${mr.iid}`,
  });
  const denied = () =>
    HttpResponse.json({ message: '403 Forbidden' }, { status: 403 });
  /** The project-relative part of a request path, decoded. */
  const rest = (request: Request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    const prefix = `/api/v4/projects/${project}`;
    return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
  };

  server.use(
    http.all(`${API}/*`, async ({ request }) => {
      authorizations.add(request.headers.get('authorization') ?? '');
      const at = rest(request);
      if (at === undefined) return undefined;
      const query = new URL(request.url).searchParams;
      const method = request.method;
      if (method === 'GET' && at === '') {
        return HttpResponse.json({
          default_branch: 'main',
          archived: options.archived ?? false,
          permissions: {
            project_access: { access_level: options.accessLevel ?? 40 },
            group_access: null,
          },
        });
      }
      const file = at.match(/^\/repository\/files\/(.+)$/)?.[1];
      if (method === 'GET' && file) {
        const text = branches.get(query.get('ref') ?? '')?.files.get(file);
        return text === undefined
          ? HttpResponse.json(
              { message: '404 File Not Found' },
              { status: 404 },
            )
          : HttpResponse.json({
              file_path: file,
              encoding: 'base64',
              content: Buffer.from(text, 'utf8').toString('base64'),
            });
      }
      if (method === 'POST' && at === '/repository/commits') {
        if ((options.accessLevel ?? 40) < 30) return denied();
        const body = (await request.json()) as {
          branch: string;
          commit_message: string;
          start_branch: string;
          actions: Array<{ file_path: string; content: string }>;
        };
        const start = branches.get(body.start_branch)!;
        const files = new Map(start.files);
        for (const action of body.actions) {
          files.set(action.file_path, action.content);
        }
        const commit: Commit = {
          id: `c${++commitCount}`,
          message: body.commit_message,
          committed_date: new Date().toISOString(),
        };
        branches.set(body.branch, {
          files,
          commits: [...start.commits, commit],
        });
        return HttpResponse.json(commit, { status: 201 });
      }
      if (method === 'GET' && at === '/repository/commits') {
        const branch = branches.get(query.get('ref_name') ?? 'main');
        if (!branch) return HttpResponse.json([]);
        return HttpResponse.json(
          [...branch.commits].reverse().map(c => ({
            ...c,
            web_url: `${web}/-/commit/${c.id}`,
          })),
          {
            headers: { 'x-page': '1', 'x-per-page': '100', 'x-next-page': '' },
          },
        );
      }
      if (method === 'GET' && at === '/merge_requests') {
        return HttpResponse.json(
          mergeRequests
            .filter(m => m.source_branch === query.get('source_branch'))
            .filter(m => !query.get('state') || m.state === query.get('state'))
            .map(json),
        );
      }
      const iid = at.match(/^\/merge_requests\/(\d+)$/)?.[1];
      if (method === 'GET' && iid) {
        const mr = mergeRequests.find(m => m.iid === Number(iid));
        return mr
          ? HttpResponse.json(json(mr))
          : HttpResponse.json({ message: '404 Not found' }, { status: 404 });
      }
      if (method === 'POST' && at === '/merge_requests') {
        const body = (await request.json()) as MergeRequest;
        if (
          mergeRequests.some(
            m => m.source_branch === body.source_branch && m.state === 'opened',
          )
        ) {
          return HttpResponse.json(
            {
              message: [
                'Another open merge request already exists for this source branch',
              ],
            },
            { status: 409 },
          );
        }
        const mr: MergeRequest = {
          iid: mergeRequests.length + 1,
          source_branch: body.source_branch,
          target_branch: body.target_branch,
          title: body.title,
          description: body.description,
          state: 'opened',
        };
        mergeRequests.push(mr);
        return HttpResponse.json(json(mr), { status: 201 });
      }
      return HttpResponse.json({ message: '404 Not found' }, { status: 404 });
    }),
  );

  return {
    branches,
    mergeRequests,
    authorizations,
    openByHand(sourceBranch: string) {
      mergeRequests.push({
        iid: mergeRequests.length + 1,
        source_branch: sourceBranch,
        target_branch: 'main',
        title: 'By hand',
        description: '',
        state: 'opened',
      });
    },
    /** Fast-forwards the target to the merge request's source and merges it. */
    merge(iid: number) {
      const mr = mergeRequests.find(m => m.iid === iid)!;
      const source = branches.get(mr.source_branch)!;
      branches.set(mr.target_branch, {
        files: new Map(source.files),
        commits: [...source.commits],
      });
      mr.state = 'merged';
    },
  };
}
