import {
  demoSourceFile,
  REFUNDS_ENV,
  REFUNDS_IMAGE,
  REFUNDS_RESOURCE,
} from '../__testUtils__/demoBackports';
import {
  BASE_FILE,
  BASE_FILES,
  PROD_OVERLAY,
  PROD_OVERLAY_WITHOUT_PATCH,
  PROD_PATCH,
  PROD_PATCH_FILE,
  STAGING_OVERLAY,
} from '../__testUtils__/kustomizeRepo';
import {
  FakeGithubRepo,
  fakeGithubRepo,
  GITHUB_TOKEN,
} from './__testUtils__/fakeGithub';
import { scmBackportTestBed } from './__testUtils__/scmBackportTestBed';
import { BRANCH } from './__testUtils__/urlSourceBackend';
import { GithubPullRequestOpener } from './GithubPullRequestOpener';

jest.setTimeout(60_000);

const TREE = 'https://github.com/acme/deploy/tree/main';
const IMAGE = REFUNDS_IMAGE;
const ENV = REFUNDS_ENV;
const resource = REFUNDS_RESOURCE;

describe('back-ports of a Kustomize source', () => {
  const bed = scmBackportTestBed<FakeGithubRepo>({
    integrations: { github: [{ host: 'github.com', token: GITHUB_TOKEN }] },
    mainFiles: repo => repo.filesOf('main'),
    opener: config => GithubPullRequestOpener.fromConfig(config),
  });
  const start = (files: Record<string, string>, source: string) =>
    bed.start(source, server => fakeGithubRepo(server, { files }));

  it.each([
    [
      'the overlay',
      `${TREE}/apps/payments-api/overlays/prod`,
      'deployment-patch.yaml',
    ],
    [
      'the application, whose only overlay is prod',
      `${TREE}/apps/payments-api`,
      'overlays/prod/deployment-patch.yaml',
    ],
  ])(
    'writes the overlay patch, not the base, when the source points at %s',
    async (_title, source, patchFile) => {
      const { backport, repo } = await start(
        { ...BASE_FILES, ...PROD_OVERLAY },
        source,
      );
      const res = await backport();
      expect(res.body.error).toBeUndefined();
      expect(res.status).toBe(201);
      const head = repo.headOf(BRANCH)!;
      // The patch gets the live image, its comments kept; the base is untouched.
      expect(head.files.get(PROD_PATCH_FILE)).toBe(
        PROD_PATCH.replace(':1.14.2 #', ':1.14.3-hotfix.1 #'),
      );
      expect(head.files.get(BASE_FILE)).toBe(
        demoSourceFile('apps/payments-api/deployment.yaml'),
      );
      expect(res.body.written).toEqual([
        { resource, path: IMAGE, file: patchFile },
      ]);
      // The env entry comes from the base: the patch does not set env.
      expect(res.body.refused).toEqual([
        {
          resource,
          path: `${ENV}/-`,
          code: 'kustomize',
          reason: `The Kustomize overlay the source points at does not set this field where a back-port can write it. ${patchFile}, the overlay's patch of Deployment/payments-api, does not set this field, so it comes from the base: add it to the patch.`,
        },
      ]);
    },
  );

  it('refuses to write a base the overlay does not patch, and says where to add the field', async () => {
    const { backport, repo } = await start(
      { ...BASE_FILES, ...PROD_OVERLAY_WITHOUT_PATCH },
      `${TREE}/apps/payments-api`,
    );
    const res = await backport();
    expect(res.status).toBe(200);
    expect(res.body.written).toEqual([]);
    expect(res.body.refused.map((r: { path: string }) => r.path)).toEqual([
      IMAGE,
      ENV,
    ]);
    expect(res.body.refused[0]).toMatchObject({ code: 'kustomize', resource });
    expect(res.body.refused[0].reason).toContain(
      'Deployment/payments-api is declared in base/deployment.yaml, a Kustomize base that overlays/prod/kustomization.yaml builds on: writing the base would change every overlay built on it. Add the field to a patch of overlays/prod/kustomization.yaml.',
    );
    expect(repo.headOf(BRANCH)).toBeUndefined();
  });

  it('refuses when the source holds several overlays and points at none', async () => {
    const { backport, repo } = await start(
      { ...BASE_FILES, ...PROD_OVERLAY, ...STAGING_OVERLAY },
      `${TREE}/apps/payments-api`,
    );
    const res = await backport();
    expect(res.status).toBe(200);
    expect(res.body.written).toEqual([]);
    expect(res.body.refused).toHaveLength(2);
    expect(res.body.refused[0].reason).toContain(
      'The source holds several Kustomize overlays (overlays/prod/kustomization.yaml, overlays/staging/kustomization.yaml) and points at none of them: point pragmatic-gitops.io/source-location at the overlay that is deployed.',
    );
    expect(repo.headOf(BRANCH)).toBeUndefined();
  });
});
