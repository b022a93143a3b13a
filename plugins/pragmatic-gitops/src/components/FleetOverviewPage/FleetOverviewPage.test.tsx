import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  Overview,
  OverviewItem,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { OverviewQuery, pragmaticGitopsApiRef } from '../../api';
import { catalogWithGroups } from '../../__testUtils__/catalogGroups';
import { mockPragmaticGitopsApi } from '../../__testUtils__/mockPragmaticGitopsApi';
import { FleetOverviewPage } from './FleetOverviewPage';

const DAY = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 5;

// A material table of links renders slowly in jsdom.
jest.setTimeout(40_000);

function item(index: number): OverviewItem {
  return {
    entityRef: `component:default/service-${index}`,
    title: `Service ${index}`,
    owner: 'group:default/team-payments',
    track: 'declarative',
    status: index % 2 ? 'drifted' : 'in-sync',
    ...(index % 2 ? { reason: `replicas of service-${index}` } : {}),
    since: new Date(Date.now() - 2 * DAY - index * 1000).toISOString(),
  };
}

const ALL = Array.from({ length: 45 }, (_, i) => item(i));

/** A fake backend: filters and pages the 45 items like the real one. */
function overview(query: OverviewQuery = {}): Promise<Overview> {
  const matching = ALL.filter(
    i =>
      (!query.status || i.status === query.status) &&
      (!query.track || i.track === query.track),
  );
  const offset = query.offset ?? 0;
  return Promise.resolve({
    totals: {
      byTrack: { declarative: 40, imperative: 5, invalid: 1 },
      byStatus: { 'in-sync': 23, drifted: 22 },
    },
    items: matching.slice(offset, offset + (query.limit ?? 50)),
    totalItems: matching.length,
  });
}

async function renderPage(getOverview = jest.fn(overview)) {
  const api = mockPragmaticGitopsApi({
    getOverview,
    listHotfixes: () => Promise.resolve({ items: [], totalItems: 0 }),
  });
  await renderInTestApp(
    <TestApiProvider apis={[[pragmaticGitopsApiRef, api], catalogWithGroups()]}>
      <FleetOverviewPage pageSize={PAGE_SIZE} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

function lastQuery(api: ReturnType<typeof mockPragmaticGitopsApi>) {
  return api.getOverview.mock.calls[api.getOverview.mock.calls.length - 1][0];
}

describe('FleetOverviewPage', () => {
  it('shows totals by track and status and the first page of entities', async () => {
    const api = await renderPage();

    const fleet = screen.getByTestId('pragmatic-gitops-fleet');
    expect(fleet).toHaveTextContent('Fleet overview');
    expect(screen.getAllByText('Pragmatic GitOps').length).toBeGreaterThan(0);
    expect(
      await screen.findByTestId('pragmatic-gitops-tile-track-declarative'),
    ).toHaveTextContent('40A · Declarative');
    expect(
      screen.getByTestId('pragmatic-gitops-tile-track-operator'),
    ).toHaveTextContent('0B · Operator-managed');
    expect(
      screen.getByTestId('pragmatic-gitops-tile-track-invalid'),
    ).toHaveTextContent('1No valid track');
    expect(
      screen.getByTestId('pragmatic-gitops-tile-status-drifted'),
    ).toHaveTextContent('22Drifted');
    expect(
      screen.getByTestId('pragmatic-gitops-tile-status-pending'),
    ).toHaveTextContent('0Pending');

    expect(screen.getByText('Entities (45)')).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: /service-1$/ });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/service-1',
    );
    // One column per fact: the entity link shows its title, no Title column.
    expect(
      screen.queryByRole('columnheader', { name: 'Title' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('replicas of service-1')).toBeInTheDocument();
    // How long each has been in its status, from when it changed.
    expect(screen.getAllByText('2 days').length).toBe(PAGE_SIZE);
    expect(
      screen.getAllByRole('link', { name: /team-payments/ })[0],
    ).toHaveAttribute('href', '/catalog/default/group/team-payments');
    expect(api.getOverview).toHaveBeenCalledTimes(1);
    expect(lastQuery(api)).toMatchObject({
      track: undefined,
      status: undefined,
      owner: undefined,
      q: undefined,
      sort: 'status',
      order: 'asc',
      offset: 0,
      limit: PAGE_SIZE,
    });
  });

  it('filters by status when a tile is clicked, and clears it on a second click', async () => {
    const api = await renderPage();

    const tile = await screen.findByTestId(
      'pragmatic-gitops-tile-status-drifted',
    );
    await userEvent.click(tile);

    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ status: 'drifted', offset: 0 }),
    );
    expect(tile).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('pragmatic-gitops-status-filter')).toHaveValue(
      'drifted',
    );
    expect(await screen.findByText('Entities (22)')).toBeInTheDocument();

    await userEvent.click(tile);
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ status: undefined }),
    );
    expect(tile).toHaveAttribute('aria-pressed', 'false');
  });

  it('filters on drift changed by hand from the switch, and off again', async () => {
    const api = await renderPage();

    const toggle = await screen.findByRole('checkbox', {
      name: 'Changed by hand',
    });
    expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ changedBy: 'hand', offset: 0 }),
    );
    expect(toggle).toBeChecked();

    await userEvent.click(toggle);
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ changedBy: undefined }),
    );
    expect(toggle).not.toBeChecked();
  });

  it('filters by track from the track tile', async () => {
    const api = await renderPage();

    await userEvent.click(
      await screen.findByTestId('pragmatic-gitops-tile-track-imperative'),
    );

    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ track: 'imperative' }),
    );
    // Entities without a valid track are one click away too.
    await userEvent.click(
      screen.getByTestId('pragmatic-gitops-tile-track-invalid'),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ track: 'invalid' }),
    );
  });

  it('sorts on the server from the column headers', async () => {
    const api = await renderPage();
    await screen.findByText('Entities (45)');

    const header = (name: string) =>
      within(screen.getByRole('columnheader', { name })).getAllByRole(
        'button',
      )[0];
    await userEvent.click(header('For'));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ sort: 'since', offset: 0 }),
    );
    await userEvent.click(header('Owner'));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ sort: 'owner' }),
    );
  });

  it('searches once typing stops', async () => {
    const api = await renderPage();
    await screen.findByText('Entities (45)');
    await userEvent.type(
      screen.getByTestId('pragmatic-gitops-search'),
      'kafka',
    );
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ q: 'kafka' }));
    expect(api.getOverview).not.toHaveBeenCalledWith(
      expect.objectContaining({ q: 'k' }),
    );
  });

  it('offers the catalog groups as owners and filters by the one picked', async () => {
    const api = await renderPage();
    await screen.findByText('Entities (45)');
    await userEvent.click(screen.getByTestId('pragmatic-gitops-owner-filter'));
    await userEvent.paste('team-d');
    await userEvent.click(
      await screen.findByRole('option', { name: /team-data/ }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ owner: 'team-data' }),
    );
    // What it shows is what it sends.
    expect(screen.getByTestId('pragmatic-gitops-owner-filter')).toHaveValue(
      'team-data',
    );
    // The owner filter applies to the hotfix sections too.
    await waitFor(() =>
      expect(api.listHotfixes).toHaveBeenCalledWith(
        expect.objectContaining({
          status: 'pending-backport',
          owner: 'team-data',
        }),
      ),
    );
  });

  it('asks the server for the next page with an offset', async () => {
    const api = await renderPage();

    await screen.findByText('Entities (45)');
    await userEvent.click(screen.getByRole('button', { name: 'Next Page' }));

    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        offset: PAGE_SIZE,
        limit: PAGE_SIZE,
      }),
    );
    expect(
      await screen.findByRole('link', { name: /service-5$/ }),
    ).toBeInTheDocument();

    // A new filter starts again on the first page.
    await userEvent.selectOptions(
      screen.getByTestId('pragmatic-gitops-status-filter'),
      'in-sync',
    );
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ status: 'in-sync', offset: 0 }),
    );
    expect(api.getOverview).not.toHaveBeenCalledWith(
      expect.objectContaining({ status: 'in-sync', offset: PAGE_SIZE }),
    );
  });

  it('filters by owner once typing stops', async () => {
    const api = await renderPage();
    await screen.findByText('Entities (45)');

    await userEvent.click(screen.getByTestId('pragmatic-gitops-owner-filter'));
    await userEvent.paste('team-payments');

    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ owner: 'team-payments' }),
    );
    expect(api.getOverview).not.toHaveBeenCalledWith(
      expect.objectContaining({ owner: 't' }),
    );
    expect(api.getOverview).toHaveBeenCalledTimes(2);

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ owner: undefined }),
    );
    expect(screen.getByTestId('pragmatic-gitops-owner-filter')).toHaveValue('');
  });

  it('shows a backend error and keeps the filters usable', async () => {
    await renderPage(
      jest.fn(() =>
        Promise.reject(new Error('owner "a:b:c" is not an entity ref')),
      ),
    );

    await waitFor(() =>
      expect(screen.getByTestId('pragmatic-gitops-fleet')).toHaveTextContent(
        'owner "a:b:c" is not an entity ref',
      ),
    );
    expect(
      screen.getByTestId('pragmatic-gitops-owner-filter'),
    ).toBeInTheDocument();
  });
});
