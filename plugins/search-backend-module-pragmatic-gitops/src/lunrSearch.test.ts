import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  LunrSearchEngine,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import { setupServer } from 'msw/node';
import { Readable } from 'node:stream';
import { PragmaticGitopsCollatorFactory } from './PragmaticGitopsCollatorFactory';
import { fleet, overviewHandler } from './__testUtils__/overviewHandler';

describe('searching the collated documents with Lunr', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('finds the drifted payments entity first for "drifted payments"', async () => {
    server.use(overviewHandler(fleet));
    const logger = mockServices.logger.mock();
    const engine = new LunrSearchEngine({ logger });
    const factory = PragmaticGitopsCollatorFactory.fromConfig(
      new ConfigReader({}),
      {
        auth: mockServices.auth(),
        discovery: mockServices.discovery(),
        logger,
      },
    );
    await TestPipeline.fromCollator(await factory.getCollator())
      .withIndexer(await engine.getIndexer(factory.type))
      .execute();
    // The catalog's own documents sit in the same engine, as in a portal.
    await TestPipeline.fromCollator(
      Readable.from([
        {
          title: 'payments',
          text: 'Payments API',
          location: '/catalog/default/component/payments',
        },
        {
          title: 'payments-ledger',
          text: 'Ledger of payments',
          location: '/catalog/default/component/payments-ledger',
        },
      ]),
    )
      .withIndexer(await engine.getIndexer('software-catalog'))
      .execute();

    const { results } = await engine.query({ term: 'drifted payments' });

    expect(results[0]).toMatchObject({
      type: 'pragmatic-gitops',
      document: {
        entityRef: 'component:default/payments',
        driftStatus: 'drifted',
        location: '/catalog/default/component/payments/gitops',
      },
    });
  });

  it('filters by the drift status field', async () => {
    server.use(overviewHandler(fleet));
    const logger = mockServices.logger.mock();
    const engine = new LunrSearchEngine({ logger });
    const factory = PragmaticGitopsCollatorFactory.fromConfig(
      new ConfigReader({}),
      {
        auth: mockServices.auth(),
        discovery: mockServices.discovery(),
        logger,
      },
    );
    await TestPipeline.fromCollator(await factory.getCollator())
      .withIndexer(await engine.getIndexer(factory.type))
      .execute();

    const { results } = await engine.query({
      term: 'payments',
      types: ['pragmatic-gitops'],
      filters: { driftStatus: 'in-sync' },
    });

    expect(results.map(r => r.document.location)).toEqual([
      '/catalog/default/component/payments-ledger/gitops',
    ]);
  });
});
