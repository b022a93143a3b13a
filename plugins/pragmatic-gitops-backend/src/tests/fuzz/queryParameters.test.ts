/**
 * Property-based, through the real router: 10,000 generated query strings
 * each for GET /overview and GET /hotfixes (known parameters with any
 * value, repeated, unknown or prototype-named ones) and 10,000 generated
 * paths under GET /entities/{kind}/{namespace}/{name}: no 500, every 400
 * names the parameter.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import { newHotfix } from '../../ledger/__testUtils__/fixtures';
import { startFuzzBackend } from '../__testUtils__/fuzzBackend';
import {
  expectHandled,
  FUZZ_RUNS,
  StatusTally,
} from '../__testUtils__/fuzzInput';

jest.setTimeout(900_000);

const OVERVIEW = {
  track: ['declarative', 'operator', 'imperative', 'invalid'],
  status: ['in-sync', 'drifted', 'unknown', 'explained', 'not-tracked'],
  q: ['web', 'svc'],
  finding: ['plaintext-secret-in-git', 'stateful-in-declarative'],
  hotfixes: ['pending', 'overdue', 'reverted'],
  sort: ['status', 'since', 'name', 'owner'],
  order: ['asc', 'desc'],
  owner: ['team-shop', 'group:default/team-shop', 'user:default/alice'],
  offset: ['0', '10'],
  limit: ['1', '50', '500'],
};
const HOTFIXES = {
  entityRef: ['component:default/web', 'component:default/svc-1'],
  status: ['pending-backport', 'backported', 'reverted', 'abandoned'],
  overdue: ['true', 'false'],
  acknowledged: ['true', 'false'],
  owner: ['team-shop', 'group:default/team-shop'],
  offset: ['0', '3'],
  limit: ['1', '100'],
};

const oddValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom(
    '',
    '-1',
    '1e3',
    '0x10',
    '501',
    '9999999999999999999999',
    'NaN',
    '__proto__',
    'constructor',
    'true',
    '[]',
    '{}',
    '%',
    '%00',
    'a'.repeat(5_000),
  ),
);

/** A query string and the parameter a 400 must name (one is broken at most). */
function queries(params: Record<string, string[]>) {
  const names = Object.keys(params);
  const good = fc
    .subarray(names)
    .chain(chosen =>
      fc.tuple(
        ...chosen.map(n => fc.constantFrom(...params[n]).map(v => [n, v])),
      ),
    );
  return fc
    .record({
      good,
      broken: fc.option(
        fc.record({
          name: fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...names) },
            {
              weight: 1,
              arbitrary: fc.constantFrom('__proto__', 'constructor', 'x'),
            },
          ),
          values: fc.array(oddValue, { minLength: 1, maxLength: 3 }),
        }),
      ),
    })
    .map(({ good: pairs, broken }) => {
      const search = new URLSearchParams();
      for (const [n, v] of pairs as string[][]) {
        if (n !== broken?.name) search.append(n, v);
      }
      for (const v of broken?.values ?? []) search.append(broken!.name, v);
      return { query: search.toString(), field: broken?.name ?? '' };
    });
}

const segment = fc.oneof(
  fc.constantFrom(
    'component',
    'default',
    'web',
    'svc-1',
    'Component',
    'DEFAULT',
  ),
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    '..',
    '.',
    '%2e%2e',
    'a'.repeat(2_000),
  ),
);

describe('query parameters and paths under generated input', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let backend: Awaited<ReturnType<typeof startFuzzBackend>>;
  const figures: string[] = [];

  beforeAll(async () => {
    backend = await startFuzzBackend(databases, { entities: 2 });
    // A hotfix, so that the list has something to filter.
    const seeded = await backend.user().post('/hotfixes', newHotfix());
    if (seeded.status !== 201) throw new Error(`seed: ${seeded.status}`);
  });
  // eslint-disable-next-line no-console
  afterAll(() => console.log(figures.join('\n')));

  it.each([
    ['/overview', OVERVIEW],
    ['/hotfixes', HOTFIXES],
  ])(
    `GET %s: ${FUZZ_RUNS} generated query strings, no 500, a 400 names the parameter`,
    async (path, params) => {
      const tally = new StatusTally();
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(queries(params), async ({ query, field }) => {
          const res = await backend.user().get(`${path}?${query}`);
          tally.add(res.status);
          expectHandled(res, field);
        }),
        { numRuns: FUZZ_RUNS },
      );
      expect(({} as any).polluted).toBeUndefined();
      figures.push(
        `GET ${path}: ${FUZZ_RUNS} inputs in ${
          Date.now() - started
        } ms: ${tally}`,
      );
    },
  );

  it(`GET /entities/{kind}/{namespace}/{name}: ${FUZZ_RUNS} generated paths, no 500`, async () => {
    const tally = new StatusTally();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(segment, segment, segment),
        fc.constantFrom('', '/history'),
        async (parts, suffix) => {
          const path = parts.map(encodeURIComponent).join('/');
          const res = await backend.user().get(`/entities/${path}${suffix}`);
          tally.add(res.status);
          expectHandled(res, '');
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
    expect(({} as any).polluted).toBeUndefined();
    figures.push(
      `GET /entities/…: ${FUZZ_RUNS} inputs in ${
        Date.now() - started
      } ms: ${tally}`,
    );
  });
});
