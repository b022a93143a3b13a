import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HotfixMetrics, pragmaticGitopsApiRef } from '../../api';
import { mockPragmaticGitopsApi } from '../../__testUtils__/mockPragmaticGitopsApi';
import { LedgerMetricsCard } from './LedgerMetricsCard';

/** The machine running the tests may be busy: give the first render time. */
const LOADED = { timeout: 10_000 };

const metrics: HotfixMetrics = {
  from: '2026-11-01T12:00:00.000Z',
  to: '2026-12-01T12:00:00.000Z',
  windowDays: 30,
  leadTime: { backported: 11, p50Seconds: 6 * 3600, p90Seconds: 2 * 86400 },
  reverted: 2,
  byOwner: [
    { owner: 'group:default/team-shop', hotfixes: 10 },
    { hotfixes: 1 },
  ],
};

async function renderCard(owner?: string, more = {}) {
  const api = mockPragmaticGitopsApi({
    getHotfixMetrics: () => Promise.resolve(metrics),
    ...more,
  });
  await renderInTestApp(
    <TestApiProvider apis={[[pragmaticGitopsApiRef, api]]}>
      <LedgerMetricsCard owner={owner} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

jest.setTimeout(30_000);

describe('LedgerMetricsCard', () => {
  it('shows lead time, reverts and hotfixes per owner, each linking to the fleet filtered on it', async () => {
    const api = await renderCard('team-shop');
    expect(api.getHotfixMetrics).toHaveBeenCalledWith({ owner: 'team-shop' });
    expect(
      await screen.findByTestId('pragmatic-gitops-metric-lead-p50', {}, LOADED),
    ).toHaveTextContent('6 hoursBack-port lead time, median');
    expect(
      screen.getByTestId('pragmatic-gitops-metric-lead-p90'),
    ).toHaveTextContent('2 daysBack-port lead time, p90');
    const reverted = screen.getByTestId('pragmatic-gitops-metric-reverted');
    expect(reverted).toHaveTextContent('2Reverted by the controller');
    expect(within(reverted).getByRole('link')).toHaveAttribute(
      'href',
      '/?owner=team-shop&hotfixes=reverted',
    );
    const [shop, unknown] = screen.getAllByTestId(
      'pragmatic-gitops-metric-owner',
    );
    expect(shop).toHaveTextContent('team-shop10');
    expect(within(shop).getByRole('link', { name: '10' })).toHaveAttribute(
      'href',
      '/?owner=group%3Adefault%2Fteam-shop',
    );
    expect(unknown).toHaveTextContent('No owner known1');
  });

  it('says so when nothing was back-ported', async () => {
    await renderCard(undefined, {
      getHotfixMetrics: () =>
        Promise.resolve({
          ...metrics,
          leadTime: { backported: 0 },
          reverted: 0,
          byOwner: [],
        }),
    });
    expect(
      await screen.findByTestId('pragmatic-gitops-metric-lead-p50', {}, LOADED),
    ).toHaveTextContent('–Back-port lead time, median');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('downloads the 30 days as CSV or JSON', async () => {
    const createObjectURL = jest.fn(() => 'blob:export');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        expect(this.download).toMatch(/^hotfixes-\d{4}-\d{2}-\d{2}\.csv$/);
        expect(this.href).toBe('blob:export');
      });
    const blob = new Blob(['hotfixId\n'], { type: 'text/csv' });
    const api = await renderCard(undefined, {
      exportHotfixes: () => Promise.resolve(blob),
    });
    await screen.findByTestId('pragmatic-gitops-metric-lead-p50', {}, LOADED);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(api.exportHotfixes).toHaveBeenCalledWith({
      from: metrics.from,
      to: metrics.to,
      format: 'csv',
    });
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:export');
    click.mockRestore();
  });

  it('exports only the hotfixes of the owner the fleet page is filtered on', async () => {
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:export'),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        expect(this.download).toMatch(
          /^hotfixes-group-default-team-shop-\d{4}-\d{2}-\d{2}\.json$/,
        );
      });
    const api = await renderCard('group:default/team-shop', {
      exportHotfixes: () => Promise.resolve(new Blob(['{"items":[]}'])),
    });
    await screen.findByTestId('pragmatic-gitops-metric-lead-p50', {}, LOADED);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(api.exportHotfixes).toHaveBeenCalledWith({
      from: metrics.from,
      to: metrics.to,
      owner: 'group:default/team-shop',
      format: 'json',
    });
    click.mockRestore();
  });

  it('shows a failed export with a retry', async () => {
    const api = await renderCard(undefined, {
      exportHotfixes: () => Promise.reject(new Error('403 Forbidden')),
    });
    await screen.findByTestId('pragmatic-gitops-metric-lead-p50', {}, LOADED);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(
      await screen.findByTestId('pragmatic-gitops-error'),
    ).toHaveTextContent('403 Forbidden');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(api.exportHotfixes).toHaveBeenCalledTimes(2));
    expect(api.exportHotfixes).toHaveBeenLastCalledWith(
      expect.objectContaining({ format: 'json' }),
    );
  });
});
