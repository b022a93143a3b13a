/**
 * Property-based, through the actions registry's real HTTP endpoint: 10,000
 * generated inputs spread over the four actions (a valid input with a field
 * broken, left out or added, one level down too, or anything at all): no
 * 500, every 400 names the field, nothing reaches the prototype.
 */
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fc from 'fast-check';
import request from 'supertest';
import { newHotfix } from '../../ledger/__testUtils__/fixtures';
import { pragmaticGitopsPlugin } from '../../plugin';
import { FUZZ_ENTITIES } from '../__testUtils__/fuzzBackend';
import {
  expectHandled,
  FUZZ_RUNS,
  junk,
  mutated,
  StatusTally,
} from '../__testUtils__/fuzzInput';
import { deployedComponent } from '../__testUtils__/securityBackend';

jest.setTimeout(900_000);

const ACTIONS = '/api/pragmatic-gitops/.backstage/actions/v1/actions';

const dir = createMockDirectory();
dir.setContent({
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/catalog-info.yaml': 'kind: Component',
});

const INPUTS: Record<string, (entity: string) => Record<string, unknown>> = {
  'get-entity-gitops-status': entity => ({ entityRef: entity }),
  'list-drifted-entities': () => ({
    owner: 'group:default/team-shop',
    track: 'declarative',
    status: 'drifted',
    limit: 20,
  }),
  'list-overdue-backports': () => ({ owner: 'team-shop' }),
  'record-hotfix': entity => ({
    ...newHotfix({ entityRef: entity }),
    appliedAt: new Date().toISOString(),
    description: 'Scaled by hand',
    idempotencyKey: 'key-1',
  }),
};

describe('actions under generated input', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it(`answers ${FUZZ_RUNS} generated inputs without a 500, naming the field`, async () => {
    const { server } = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        actionsRegistryServiceFactory,
        actionsServiceFactory,
        catalogServiceMock.factory({
          entities: FUZZ_ENTITIES.map(name => deployedComponent(dir, name)),
        }),
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { actions: { pluginSources: ['pragmatic-gitops'] } },
          },
        }),
      ],
    });
    const tallies = new Map<string, StatusTally>();
    const started = Date.now();
    const generated = fc
      .record({
        action: fc.constantFrom(...Object.keys(INPUTS)),
        entity: fc.constantFrom(...FUZZ_ENTITIES),
      })
      .chain(({ action, entity }) =>
        fc
          .oneof(
            {
              weight: 9,
              arbitrary: mutated(
                INPUTS[action](`component:default/${entity}`),
                ['changes'].filter(f => action === 'record-hotfix' && f),
              ),
            },
            { weight: 1, arbitrary: junk.map(body => ({ body, field: '' })) },
          )
          .map(mutation => ({ action, ...mutation })),
      );
    await fc.assert(
      fc.asyncProperty(generated, async ({ action, body, field }) => {
        const res = await request(server)
          .post(`${ACTIONS}/pragmatic-gitops:${action}/invoke`)
          .set('Authorization', mockCredentials.user.header())
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body ?? null));
        if (!tallies.has(action)) tallies.set(action, new StatusTally());
        tallies.get(action)!.add(res.status);
        expectHandled(res, field);
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(({} as any).polluted).toBeUndefined();
    // eslint-disable-next-line no-console
    console.log(
      `actions: ${FUZZ_RUNS} inputs in ${Date.now() - started} ms: ${[
        ...tallies.entries(),
      ]
        .map(([action, tally]) => `${action} ${tally}`)
        .join('; ')}`,
    );
  });
});
