import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  FleetOverview,
  PragmaticGitopsApi,
  pragmaticGitopsApiRef,
} from '../../api';
import { catalogWithGroups } from '../../__testUtils__/catalogGroups';
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
    <TestApiProvider apis={[[pragmaticGitopsApiRef, api], catalogWithGroups()]}>
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
      screen.getByTestId(
        'pragmatic-gitops-tile-findings-plaintext-secret-in-git',
      ),
    ).toHaveTextContent('2Plaintext secrets in Git');
    expect(
      screen.getByTestId(
        'pragmatic-gitops-tile-findings-encrypted-secret-in-git',
      ),
    ).toHaveTextContent('3Encrypted secrets in Git');
    expect(
      screen.getByTestId(
        'pragmatic-gitops-tile-findings-unresolved-secret-ref',
      ),
    ).toHaveTextContent('0Unresolved secret refs');
    expect(
      screen.getByTestId(
        'pragmatic-gitops-tile-findings-stateful-in-declarative',
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
      'pragmatic-gitops-tile-findings-plaintext-secret-in-git',
    );
    expect(
      screen.queryByTestId('pragmatic-gitops-tile-hotfixes-pending'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByTestId(
        'pragmatic-gitops-tile-findings-encrypted-secret-in-git',
      ),
    ).not.toBeInTheDocument();
  });

  it('lists back-ports owed across the fleet, overdue first, with links to their entities', async () => {
    const api = await renderPage(base, {
      listHotfixes: query =>
        Promise.resolve(
          query?.status === 'reverted'
            ? { items: [], totalItems: 0 }
            : {
                items: [
                  hotfix({ id: 'HF-9', title: 'Fresh one', overdue: false }),
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
                totalItems: 3,
              },
        ),
    });

    const section = await screen.findByTestId(
      'pragmatic-gitops-backports-owed',
    );
    const rows = await within(section).findAllByTestId(
      'pragmatic-gitops-owed-hotfix',
    );
    expect(rows.map(row => row.getAttribute('data-hotfix'))).toEqual([
      'HF-2',
      'HF-7',
      'HF-9',
    ]);
    expect(api.listHotfixes).toHaveBeenCalledWith({
      status: 'pending-backport',
      limit: 500,
    });
    expect(
      screen.getByText('Back-ports owed (3, 2 overdue)'),
    ).toBeInTheDocument();
    expect(
      within(rows[1]).getByRole('link', { name: /checkout/ }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout');
    expect(rows[1]).toHaveTextContent('Raise the checkout timeout');
    expect(rows[0]).toHaveTextContent('back-port overdue since');
    expect(rows[2]).not.toHaveTextContent('overdue');
  });

  it('keeps the page working when the overdue list fails', async () => {
    await renderPage(base, {
      listHotfixes: () => Promise.reject(new Error('ledger unavailable')),
    });

    await waitFor(() =>
      expect(
        screen.getByTestId('pragmatic-gitops-backports-owed'),
      ).toHaveTextContent('ledger unavailable'),
    );
    expect(
      screen.getByTestId('pragmatic-gitops-tile-status-drifted'),
    ).toHaveTextContent('1Drifted');
  });

  it('raises the revert alarm at the top of the fleet page, with its entity', async () => {
    await renderPage(base, {
      listHotfixes: query =>
        Promise.resolve(
          query?.status === 'reverted'
            ? {
                items: [
                  hotfix({
                    id: 'HF-4',
                    entityRef: 'component:default/payments-db',
                    status: 'reverted',
                  }),
                ],
                totalItems: 1,
              }
            : { items: [], totalItems: 0 },
        ),
    });
    const alarms = await screen.findByTestId('pragmatic-gitops-revert-alarms');
    expect(alarms).toHaveTextContent('Hotfix HF-4 was reverted on');
    expect(
      within(alarms).getByRole('link', { name: /payments-db/ }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-db');
    expect(alarms).toHaveTextContent('Next step');
  });

  it('shows a large list of back-ports owed a page at a time, overdue first', async () => {
    const owed = Array.from({ length: 30 }, (_, i) =>
      hotfix({
        id: `HF-${i + 1}`,
        overdue: i >= 25,
        backportDueAt: ago((i + 1) * DAY),
      }),
    );
    await renderPage(base, {
      listHotfixes: query =>
        Promise.resolve(
          query?.status === 'reverted'
            ? { items: [], totalItems: 0 }
            : { items: owed, totalItems: 30 },
        ),
    });
    const section = await screen.findByTestId(
      'pragmatic-gitops-backports-owed',
    );
    const ids = () =>
      within(section)
        .getAllByTestId('pragmatic-gitops-owed-hotfix')
        .map(row => row.getAttribute('data-hotfix'));
    await waitFor(() => expect(ids()).toHaveLength(10));
    // The five overdue ones, the longest overdue first.
    expect(ids().slice(0, 5)).toEqual([
      'HF-30',
      'HF-29',
      'HF-28',
      'HF-27',
      'HF-26',
    ]);
    await userEvent.click(
      within(section).getByRole('button', { name: /next page/i }),
    );
    await waitFor(() => expect(ids()[0]).toBe('HF-20'));
    expect(ids()).toHaveLength(10);
  });
});
