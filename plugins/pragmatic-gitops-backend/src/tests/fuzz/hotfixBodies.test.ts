/**
 * Property-based, through the real router: 10,000 generated POST /hotfixes
 * bodies (a valid one with a field broken, left out or added, one level
 * down too, or anything at all): no 500, every 400 names the field, and
 * nothing reaches the prototype.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import { newHotfix } from '../../ledger/__testUtils__/fixtures';
import { FUZZ_ENTITIES, startFuzzBackend } from '../__testUtils__/fuzzBackend';
import {
  expectHandled,
  FUZZ_RUNS,
  junk,
  mutated,
  StatusTally,
} from '../__testUtils__/fuzzInput';

jest.setTimeout(600_000);

describe('POST /hotfixes under generated bodies', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it(`answers ${FUZZ_RUNS} generated bodies without a 500, naming the field`, async () => {
    const backend = await startFuzzBackend(databases);
    const tally = new StatusTally();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          {
            weight: 9,
            arbitrary: fc
              .constantFrom(...FUZZ_ENTITIES)
              .chain(name =>
                mutated(newHotfix({ entityRef: `component:default/${name}` }), [
                  'changes',
                ]),
              ),
          },
          { weight: 1, arbitrary: junk.map(body => ({ body, field: '' })) },
        ),
        async ({ body, field }) => {
          const res = await backend.send('post', '/hotfixes', body);
          tally.add(res.status);
          expectHandled(res, field);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
    expect(({} as any).polluted).toBeUndefined();
    // Still serving normally.
    expect((await backend.user().get('/hotfixes')).status).toBe(200);
    // eslint-disable-next-line no-console
    console.log(
      `POST /hotfixes: ${FUZZ_RUNS} inputs in ${
        Date.now() - started
      } ms: ${tally}`,
    );
  });
});
