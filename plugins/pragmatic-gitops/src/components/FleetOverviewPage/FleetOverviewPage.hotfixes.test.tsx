import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import {
  FleetOverview,
  PragmaticGitopsApi,
  pragmaticGitopsApiRef,
} from '../../api';
import { mockPragmaticGitopsApi } from '../../__testUtils__/mockPragmaticGitopsApi';
import { ago, DAY, hotfix } from '../../__testUtils__/hotfixFixtures';
import { FleetOverviewPage } from './FleetOverviewPage';

jest.setTimeout(20_000);

const base: FleetOverview = {
  totals: {
    byTrack: { declarative: 2 },
    byStatus: { drifted: 1, explained: 1 },
  },
  items: [],
  totalItems: 0,
};

async function renderPage(
  overview: FleetOverview,
  more: Partial<PragmaticGitopsApi> = {},
) {
  const api = mockPragmaticGitopsApi({
    getOverview: () => Promise.resolve(overview),
    listHotfixes: () => Promise.resolve({ items: [], totalItems: 0 }),
    ...more,
  });
  await renderInTestApp(
    <TestApiProvider apis={[[pragmaticGitopsApiRef, api]]}>
      <FleetOverviewPage pageSize={5} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

describe('FleetOverviewPage hotfixes and findings', () => {
  it('counts back-ports owed and findings as tiles', async () => {
    await renderPage({
      ...base,
      totals: {
        ...base.totals,
        hotfixes: { pending: 4, overdue: 1 },
        findings: {
          plaintextSecrets: 2,
          encryptedSecrets: 3,
          unresolvedSecretRefs: 0,
          statefulInDeclarative: 1,
        },
      },
    });

    expect(
      await screen.findByTestId('pragmatic-gitops-tile-hotfixes-pending'),
    ).toHaveTextContent('4Pending back-ports');
    expect(
      screen.getByTestId('pragmatic-gitops-tile-hotfixes-overdue'),
    ).toHaveTextContent('1Overdue back-ports');
    expect(
      screen.getByTestId('pragmatic-gitops-tile-findings-plaintextSecrets'),
    ).toHaveTextContent('2Plaintext secrets in Git');
    expect(
      screen.getByTestId('pragmatic-gitops-tile-findings-encryptedSecrets'),
    ).toHaveTextContent('3Encrypted secrets in Git');
    expect(
      screen.getByTestId('pragmatic-gitops-tile-findings-unresolvedSecretRefs'),
    ).toHaveTextContent('0Unresolved secret refs');
    expect(
      screen.getByTestId(
        'pragmatic-gitops-tile-findings-statefulInDeclarative',
      ),
    ).toHaveTextContent('1Stateful in declarative track');
    // Counts, not filters.
    expect(
      within(
        screen.getByTestId('pragmatic-gitops-tile-hotfixes-overdue'),
      ).queryByRole('button'),
    ).not.toBeInTheDocument();
  });

  it('leaves out counts the backend does not send', async () => {
    await renderPage({
      ...base,
      totals: { ...base.totals, findings: { plaintextSecrets: 1 } },
    });

    await screen.findByTestId(
      'pragmatic-gitops-tile-findings-plaintextSecrets',
    );
    expect(
      screen.queryByTestId('pragmatic-gitops-tile-hotfixes-pending'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByTestId('pragmatic-gitops-tile-findings-encryptedSecrets'),
    ).not.toBeInTheDocument();
  });

  it('lists overdue back-ports across the fleet with links to their entities', async () => {
    const api = await renderPage(base, {
      listHotfixes: () =>
        Promise.resolve({
          items: [
            hotfix({
              id: 'HF-7',
              entityRef: 'component:default/checkout',
              title: 'Raise the checkout timeout',
              overdue: true,
              backportDueAt: ago(DAY),
            }),
            hotfix({
              id: 'HF-2',
              overdue: true,
              backportDueAt: ago(3 * DAY),
            }),
          ],
          totalItems: 2,
        }),
    });

    const section = await screen.findByTestId(
      'pragmatic-gitops-overdue-hotfixes',
    );
    const rows = await within(section).findAllByTestId(
      'pragmatic-gitops-overdue-hotfix',
    );
    expect(rows.map(row => row.getAttribute('data-hotfix'))).toEqual([
      'HF-2',
      'HF-7',
    ]);
    expect(api.listHotfixes).toHaveBeenCalledWith({
      overdue: true,
      limit: 500,
    });
    expect(screen.getByText('Overdue back-ports (2)')).toBeInTheDocument();
    expect(
      within(rows[1]).getByRole('link', { name: /checkout/ }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout');
    expect(rows[1]).toHaveTextContent('Raise the checkout timeout');
    expect(rows[0]).toHaveTextContent('3 days ago');
  });

  it('keeps the page working when the overdue list fails', async () => {
    await renderPage(base, {
      listHotfixes: () => Promise.reject(new Error('ledger unavailable')),
    });

    await waitFor(() =>
      expect(
        screen.getByTestId('pragmatic-gitops-overdue-hotfixes'),
      ).toHaveTextContent('ledger unavailable'),
    );
    expect(
      screen.getByTestId('pragmatic-gitops-tile-status-drifted'),
    ).toHaveTextContent('1Drifted');
  });
});
