import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import { OverviewItem } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PragmaticGitopsCollatorFactory } from './PragmaticGitopsCollatorFactory';
import {
  fleet,
  OVERVIEW_URL,
  OverviewRequest,
  overviewHandler,
} from './__testUtils__/overviewHandler';

describe('PragmaticGitopsCollatorFactory', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const factory = (config: object = {}) =>
    PragmaticGitopsCollatorFactory.fromConfig(new ConfigReader(config), {
      auth: mockServices.auth(),
      discovery: mockServices.discovery(),
      logger: mockServices.logger.mock(),
    });

  async function collate(config?: object) {
    const collator = await factory(config).getCollator();
    const { documents, error } = await TestPipeline.fromCollator(
      collator,
    ).execute();
    if (error) {
      throw error;
    }
    return documents;
  }

  it('emits one document per tracked entity, linking to its GitOps tab', async () => {
    const requests: OverviewRequest[] = [];
    server.use(overviewHandler(fleet, requests));

    const documents = await collate();

    expect(documents.map(d => d.location)).toEqual([
      '/catalog/default/component/payments/gitops',
      '/catalog/default/component/payments-ledger/gitops',
      '/catalog/default/component/checkout/gitops',
      '/catalog/default/component/search/gitops',
    ]);
    expect(documents[0]).toEqual({
      title: 'Payments',
      text: 'payments (Payments) is drifted on the declarative track, owned by team-payments. 1 resource differs from Git',
      location: '/catalog/default/component/payments/gitops',
      authorization: { resourceRef: 'component:default/payments' },
      entityRef: 'component:default/payments',
      kind: 'component',
      namespace: 'default',
      name: 'payments',
      track: 'declarative',
      driftStatus: 'drifted',
      owner: 'group:default/team-payments',
      reason: '1 resource differs from Git',
      since: '2026-11-30T08:00:00.000Z',
    });
    expect(documents[1]).toMatchObject({
      title: 'payments-ledger',
      text: 'payments-ledger is in sync on the operator track, owned by team-payments.',
      driftStatus: 'in-sync',
    });
    // Read with the search plugin's own credentials, for the pragmatic-gitops plugin.
    expect(
      JSON.parse(requests[0].authorization.split(':').slice(1).join(':')),
    ).toEqual(expect.objectContaining({ target: 'pragmatic-gitops' }));
  });

  it('reads the overview page by page', async () => {
    const many: OverviewItem[] = Array.from({ length: 1203 }, (_, i) => ({
      entityRef: `component:default/service-${i}`,
      track: 'declarative',
      status: 'in-sync',
      since: '2026-11-30T08:00:00.000Z',
    }));
    const requests: OverviewRequest[] = [];
    server.use(overviewHandler(many, requests));

    const documents = await collate();

    expect(documents).toHaveLength(1203);
    expect(new Set(documents.map(d => d.location)).size).toBe(1203);
    expect(requests.map(r => [r.offset, r.limit])).toEqual([
      [0, 500],
      [500, 500],
      [1000, 500],
    ]);
  });

  it('uses the configured location template', async () => {
    server.use(overviewHandler(fleet.slice(0, 1)));

    const documents = await collate({
      search: {
        collators: {
          pragmaticGitops: { locationTemplate: '/gitops/:kind/:name' },
        },
      },
    });

    expect(documents.map(d => d.location)).toEqual([
      '/gitops/component/payments',
    ]);
  });

  it('fails the collation when the plugin backend refuses', async () => {
    server.use(
      http.get(OVERVIEW_URL, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'no' } },
          { status: 403 },
        ),
      ),
    );

    await expect(collate()).rejects.toThrow(/403/);
  });
});
