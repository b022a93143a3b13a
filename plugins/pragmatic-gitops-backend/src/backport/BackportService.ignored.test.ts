import { ConfigReader } from '@backstage/config';
import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { readPluginSettings } from '../config';
import {
  startHotfixBackend,
  userHeader,
} from '../ledger/__testUtils__/startHotfixBackend';
import {
  backportsWith,
  demoEntity,
  demoLiveObjects,
  refundsHotfix,
  REFUNDS_ENV,
  REFUNDS_IMAGE,
  REFUNDS_RESOURCE,
} from './__testUtils__/demoBackports';

jest.setTimeout(60_000);

const IMAGE = REFUNDS_IMAGE;
const ENV = REFUNDS_ENV;
const resource = REFUNDS_RESOURCE;

describe('back-ports leave out the fields scans ignore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function backport(options: {
    annotation?: string;
    ignoreDifferences?: Record<string, string[]>;
  }) {
    const entity = demoEntity('payments-api');
    if (options.annotation) {
      entity.metadata.annotations!['pragmatic-gitops.io/ignore-differences'] =
        options.annotation;
    }
    const { server } = await startHotfixBackend({
      knex: await databases.init('SQLITE_3'),
      entities: [entity],
      backports: backportsWith(
        () => ({ objects: demoLiveObjects('payments-api.json') }),
        {
          ignoreDefaults: readPluginSettings(
            new ConfigReader({
              pragmaticGitops: {
                ignoreDifferences: options.ignoreDifferences ?? {},
              },
            }),
          ).ignoreDefaults,
        },
      ),
    });
    const post = (path: string) =>
      request(server)
        .post(`/api/pragmatic-gitops/hotfixes${path}`)
        .set('Authorization', userHeader());
    const { body: hotfix } = await post('').send(refundsHotfix);
    return post(`/${hotfix.id}/backport`);
  }

  it('does not write a field the entity ignore-differences annotation covers, and says why', async () => {
    const res = await backport({
      annotation: `Deployment/payments-api:${IMAGE}`,
    });
    expect(res.status).toBe(200);
    // The image stays as Git has it; the env entry is still written.
    expect(res.body.diff).not.toContain('image:');
    expect(res.body.diff).toContain(
      '+            - name: FEATURE_FAST_REFUNDS',
    );
    expect(res.body.written).toEqual([
      { resource, path: `${ENV}/-`, file: 'deployment.yaml' },
    ]);
    expect(res.body.refused).toEqual([
      {
        resource,
        path: IMAGE,
        code: 'ignored',
        reason: `Scans ignore this field, so the back-port does not write it. Ignore rule Deployment/payments-api:${IMAGE} covers it: remove the rule (pragmatic-gitops.io/ignore-differences or pragmaticGitops.ignoreDifferences) to back-port it.`,
      },
    ]);
  });

  it('does not write a field pragmaticGitops.ignoreDifferences covers', async () => {
    const res = await backport({ ignoreDifferences: { Deployment: [ENV] } });
    expect(res.status).toBe(200);
    expect(res.body.diff).toContain(
      '+          image: registry.example.com/payments/payments-api:1.14.3-hotfix.1',
    );
    expect(res.body.diff).not.toContain('FEATURE_FAST_REFUNDS');
    expect(res.body.written.map((w: { path: string }) => w.path)).toEqual([
      IMAGE,
    ]);
    expect(res.body.refused).toMatchObject([
      { resource, path: `${ENV}/-`, code: 'ignored' },
    ]);
    expect(res.body.refused[0].reason).toContain(`Deployment:${ENV}`);
  });
});
