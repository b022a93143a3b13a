/**
 * Property-based, through the real router: 10,000 generated POST
 * /observations bodies (a valid push with a field or an object's field
 * broken, left out or added, or anything at all): no 500, every 400 names
 * the field, nothing reaches the prototype; bodies over the limit get a 413
 * before they are parsed.
 */
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import { startFuzzBackend } from '../__testUtils__/fuzzBackend';
import {
  expectHandled,
  FUZZ_RUNS,
  junk,
  mutated,
  StatusTally,
} from '../__testUtils__/fuzzInput';

jest.setTimeout(900_000);

const push = {
  entityRef: 'component:default/web',
  source: 'ci-agent',
  objects: [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { replicas: 3 },
    },
  ],
};

describe('POST /observations under generated bodies', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const agent = mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('external:ci-agent'),
    targetPluginId: 'pragmatic-gitops',
  });

  it(`answers ${FUZZ_RUNS} generated bodies without a 500, naming the field`, async () => {
    const backend = await startFuzzBackend(databases, { entities: 2 });
    const tally = new StatusTally();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 9, arbitrary: mutated(push, ['objects']) },
          { weight: 1, arbitrary: junk.map(body => ({ body, field: '' })) },
        ),
        async ({ body, field }) => {
          const res = await backend.send('post', '/observations', body, agent);
          tally.add(res.status);
          expectHandled(res, field);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
    expect(({} as any).polluted).toBeUndefined();
    const web = await backend.user().get('/entities/component/default/web');
    expect(web.status).toBe(200);
    // eslint-disable-next-line no-console
    console.log(
      `POST /observations: ${FUZZ_RUNS} inputs in ${
        Date.now() - started
      } ms: ${tally}`,
    );
  });

  it('refuses bodies over the limits with 413 before parsing them', async () => {
    const backend = await startFuzzBackend(databases, { entities: 2 });
    // Not JSON at all: a parser would answer 400, the limit answers first.
    const notJson = '{'.repeat(11 * 1024 * 1024);
    const observation = await backend
      .service()
      .post('/observations')
      .set('Content-Type', 'application/json')
      .send(notJson);
    expect(observation.status).toBe(413);
    expect(observation.body.error.message).toContain('10mb');
    const hotfix = await backend
      .user()
      .post('/hotfixes')
      .set('Content-Type', 'application/json')
      .send('['.repeat(300 * 1024));
    expect(hotfix.status).toBe(413);
    expect(hotfix.body.error.message).toContain('256kb');
  });
});
