import {
  FakeGitlabProject,
  fakeGitlabProject,
  GITLAB_HOST,
  GITLAB_TOKEN,
} from './__testUtils__/fakeGitlab';
import { scmBackportTestBed } from './__testUtils__/scmBackportTestBed';
import {
  DEPLOYMENT,
  HPA,
  PATCHED_DEPLOYMENT,
  BRANCH,
  FILE,
  REPOSITORY_FILES,
} from './__testUtils__/urlSourceBackend';
import { GitlabBackportCommitFinder } from '../../providers/gitlab';
import { scanAfterMerge } from './__testUtils__/scanAfterMerge';
import { GitlabPullRequestOpener } from './GitlabPullRequestOpener';

jest.setTimeout(60_000);

const SOURCE = `https://${GITLAB_HOST}/platform/deploy/-/tree/main/apps/payments-api`;
const MR_URL = `https://${GITLAB_HOST}/platform/deploy/-/merge_requests/1`;

describe('back-port merge requests on GitLab', () => {
  const bed = scmBackportTestBed<FakeGitlabProject>({
    integrations: {
      gitlab: [
        {
          host: GITLAB_HOST,
          apiBaseUrl: `https://${GITLAB_HOST}/api/v4`,
          token: GITLAB_TOKEN,
        },
      ],
    },
    mainFiles: project => project.branches.get('main')?.files,
    opener: config => GitlabPullRequestOpener.fromConfig(config),
  });

  async function start(
    projectOptions: { archived?: boolean; accessLevel?: number } = {},
  ) {
    const backend = await bed.start(SOURCE, server =>
      fakeGitlabProject(server, { files: REPOSITORY_FILES, ...projectOptions }),
    );
    return { ...backend, project: backend.repo };
  }

  it('opens a branch, a commit with the trailer and a merge request', async () => {
    const { backport, project, id } = await start();
    const res = await backport();
    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      hotfixId: id,
      type: 'pull-request',
      refused: [],
      pullRequest: { url: MR_URL, number: 1, branch: BRANCH, created: true },
    });
    const branch = project.branches.get(BRANCH)!;
    expect(branch.files.get(FILE)).toBe(PATCHED_DEPLOYMENT);
    expect(branch.files.get('apps/payments-api/hpa.yaml')).toBe(HPA);
    expect(branch.commits).toHaveLength(2);
    expect(branch.commits[1].message).toMatch(/\n\nBackport-Of: HF-1\n$/);
    expect(project.branches.get('main')!.files.get(FILE)).toBe(DEPLOYMENT);
    const [mr] = project.mergeRequests;
    expect(mr).toMatchObject({
      source_branch: BRANCH,
      target_branch: 'main',
      state: 'opened',
    });
    expect(mr.description).toContain(`Hotfix: ${id}`);
    expect(mr.description).toContain(
      'Incident: https://status.example.com/incidents/INC-2063',
    );
    expect(mr.description).toContain(
      '/catalog/default/component/payments-api/gitops',
    );
    expect([...project.authorizations]).toEqual([`Bearer ${GITLAB_TOKEN}`]);
  });

  it('returns the still-open merge request on a second call', async () => {
    const { backport, project } = await start();
    expect((await backport()).status).toBe(201);
    const again = await backport();
    expect(again.status).toBe(200);
    expect(again.body.pullRequest).toEqual({
      url: MR_URL,
      number: 1,
      branch: BRANCH,
      created: false,
    });
    expect(project.mergeRequests).toHaveLength(1);
    expect(project.branches.get(BRANCH)!.commits).toHaveLength(2);
  });

  it('returns the merge request that already exists from the branch', async () => {
    const { backport, project } = await start();
    project.openByHand(BRANCH);
    const res = await backport();
    expect(res.status).toBe(200);
    expect(res.body.pullRequest).toMatchObject({ number: 1, created: false });
    expect(project.mergeRequests).toHaveLength(1);
  });

  it('answers 403 naming the project and the scope when the token may not push', async () => {
    const { backport, project } = await start({ accessLevel: 20 });
    const res = await backport();
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `The GitLab integration may not push to ${GITLAB_HOST}/platform/deploy: its token needs the api scope and the Developer role`,
    );
    expect(project.branches.has(BRANCH)).toBe(false);
    expect(JSON.stringify(res.body)).not.toContain(GITLAB_TOKEN);
  });

  it('answers 409 naming the project when it is archived', async () => {
    const { backport, project } = await start({ archived: true });
    const res = await backport();
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(
      `${GITLAB_HOST}/platform/deploy is archived on GitLab`,
    );
    expect(project.mergeRequests).toHaveLength(0);
  });

  it('marks the hotfix backported by itself once the merge request merges', async () => {
    const backend = await start();
    const { backport, project, config } = backend;
    const res = await backport();
    project.merge(res.body.pullRequest.number);

    const main = project.branches.get('main')!;
    const hotfix = await scanAfterMerge(
      backend,
      main.files,
      GitlabBackportCommitFinder.fromConfig(config),
    );
    expect(hotfix.status).toBe('backported');
    expect(hotfix.events.at(-1)).toMatchObject({
      type: 'backported',
      detail: { via: 'commit-trailer', sha: main.commits.at(-1)!.id },
    });
  });
});
