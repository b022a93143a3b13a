import { GithubBackportCommitFinder } from '../../providers/github';
import {
  FakeGithubRepo,
  fakeGithubRepo,
  GITHUB_TOKEN,
} from './__testUtils__/fakeGithub';
import { scmBackportTestBed } from './__testUtils__/scmBackportTestBed';
import {
  APP_BASE_URL,
  DEPLOYMENT,
  HPA,
  PATCHED_DEPLOYMENT,
  BRANCH,
  FILE,
  REPOSITORY_FILES,
} from './__testUtils__/urlSourceBackend';
import { scanAfterMerge } from './__testUtils__/scanAfterMerge';
import { GithubPullRequestOpener } from './GithubPullRequestOpener';

jest.setTimeout(60_000);

const SOURCE = 'https://github.com/acme/deploy/tree/main/apps/payments-api';

describe('back-port pull requests on GitHub', () => {
  const bed = scmBackportTestBed<FakeGithubRepo>({
    integrations: { github: [{ host: 'github.com', token: GITHUB_TOKEN }] },
    mainFiles: repo => repo.filesOf('main'),
    opener: config => GithubPullRequestOpener.fromConfig(config),
  });

  const start = (
    repoOptions: {
      archived?: boolean;
      push?: boolean;
      files?: Record<string, string>;
    } = {},
    source = SOURCE,
  ) =>
    bed.start(source, server =>
      fakeGithubRepo(server, { files: REPOSITORY_FILES, ...repoOptions }),
    );

  it('opens a branch, a commit with the trailer and a pull request', async () => {
    const { backport, repo, id, audit } = await start();
    const res = await backport();
    expect(res.body.error?.message).toBeUndefined();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      hotfixId: id,
      type: 'pull-request',
      pullRequest: {
        url: 'https://github.com/acme/deploy/pull/1',
        number: 1,
        branch: BRANCH,
        created: true,
      },
      refused: [],
    });
    expect(res.body.written.map((w: { path: string }) => w.path)).toEqual([
      '/spec/template/spec/containers/0/image',
      '/spec/template/spec/containers/0/env/-',
    ]);
    expect(res.body.diff).toBeUndefined();

    const head = repo.headOf(BRANCH)!;
    // The committed file is the demo manifest with the live values, byte for byte.
    expect(head.files.get(FILE)).toBe(PATCHED_DEPLOYMENT);
    expect(head.files.get('apps/payments-api/hpa.yaml')).toBe(HPA);
    expect(head.message).toBe(
      `Back-port ${id}: Ship refunds double-charge fix and enable fast refunds\n\nWrites the live values of the fields hotfix ${id} changed by hand.\n\nBackport-Of: ${id}\n`,
    );
    expect(head.parents).toEqual([repo.headOf('main')!.sha]);
    // main itself is untouched until the pull request merges.
    expect(repo.filesOf('main')!.get(FILE)).toBe(DEPLOYMENT);

    const [pull] = repo.pulls;
    expect(pull).toMatchObject({ head: BRANCH, base: 'main', state: 'open' });
    expect(pull.title).toBe(
      `Back-port ${id}: Ship refunds double-charge fix and enable fast refunds`,
    );
    expect(pull.body).toContain(`Hotfix: ${id}`);
    expect(pull.body).toContain(
      'Incident: https://status.example.com/incidents/INC-2063',
    );
    expect(pull.body).toContain(
      `[component:default/payments-api](${APP_BASE_URL}/catalog/default/component/payments-api/gitops)`,
    );
    expect(pull.body).toContain('`Backport-Of: HF-1`');
    expect([...repo.state.authorizations]).toEqual([`token ${GITHUB_TOKEN}`]);
    expect(audit.success).toHaveBeenLastCalledWith({
      meta: {
        hotfixId: id,
        type: 'pull-request',
        written: 2,
        refused: 0,
        pullRequest: 'https://github.com/acme/deploy/pull/1',
        created: true,
      },
    });
  });

  it('returns the still-open pull request on a second call, remembered in the ledger', async () => {
    const { backport, repo } = await start();
    expect((await backport()).status).toBe(201);
    const head = repo.headOf(BRANCH)!.sha;
    const again = await backport();
    expect(again.status).toBe(200);
    expect(again.body.pullRequest).toEqual({
      url: 'https://github.com/acme/deploy/pull/1',
      number: 1,
      branch: BRANCH,
      created: false,
    });
    expect(repo.pulls).toHaveLength(1);
    expect(repo.headOf(BRANCH)!.sha).toBe(head);
    expect(
      await bed
        .knex()('hotfix_backport_pull_requests')
        .select('repository', 'number'),
    ).toEqual([{ repository: 'github.com/acme/deploy', number: 1 }]);
  });

  it('opens a new pull request when the remembered one was closed', async () => {
    const { backport, repo } = await start();
    await backport();
    repo.close(1);
    const res = await backport();
    expect(res.status).toBe(201);
    expect(res.body.pullRequest).toMatchObject({ number: 2, created: true });
    expect(repo.headOf(BRANCH)!.files.get(FILE)).toBe(PATCHED_DEPLOYMENT);
  });

  it('returns the pull request that already exists from the branch', async () => {
    const { backport, repo } = await start();
    repo.openPull(BRANCH);
    const res = await backport();
    expect(res.status).toBe(200);
    expect(res.body.pullRequest).toEqual({
      url: 'https://github.com/acme/deploy/pull/1',
      number: 1,
      branch: BRANCH,
      created: false,
    });
    expect(repo.pulls).toHaveLength(1);
  });

  it('answers 403 naming the repository and the scopes when the token may not push', async () => {
    const { backport, repo } = await start({ push: false });
    const res = await backport();
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'The GitHub integration may not push to github.com/acme/deploy: its token needs contents:write and pull_requests:write',
    );
    expect(repo.pulls).toHaveLength(0);
    expect(JSON.stringify(res.body)).not.toContain(GITHUB_TOKEN);
  });

  it('answers 409 naming the repository when it is archived', async () => {
    const { backport, repo } = await start({ archived: true });
    const res = await backport();
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(
      'github.com/acme/deploy is archived on GitHub',
    );
    expect(repo.headOf(BRANCH)).toBeUndefined();
  });

  it('answers 409 when the source host is not configured under integrations', async () => {
    const { backport } = await start(
      {},
      'https://git.unknown.example.com/acme/deploy/tree/main/apps/payments-api',
    );
    const res = await backport();
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(
      'git.unknown.example.com is not configured under integrations.github or integrations.gitlab',
    );
  });

  it('marks the hotfix backported by itself once the pull request merges', async () => {
    const backend = await start();
    const { backport, repo, config } = backend;
    const res = await backport();
    repo.merge(res.body.pullRequest.number);

    // The next scan: the existing back-port detection finds the trailer on
    // the default branch.
    const hotfix = await scanAfterMerge(
      backend,
      repo.filesOf('main')!,
      GithubBackportCommitFinder.fromConfig(config),
    );
    expect(hotfix.status).toBe('backported');
    expect(hotfix.events.at(-1)).toMatchObject({
      type: 'backported',
      detail: { via: 'commit-trailer', sha: repo.headOf('main')!.sha },
    });
  });

  it('opens nothing when the base branch already holds the live values', async () => {
    const { backport, repo, audit } = await start({
      files: { ...REPOSITORY_FILES, [FILE]: PATCHED_DEPLOYMENT },
    });
    const res = await backport();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      hotfixId: 'HF-1',
      type: 'pull-request',
      written: [],
      refused: [],
    });
    expect(repo.headOf(BRANCH)).toBeUndefined();
    expect(repo.pulls).toHaveLength(0);
    expect(audit.success).toHaveBeenLastCalledWith({
      meta: expect.objectContaining({ written: 0 }),
    });
  });
});
