import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ago, DAY, HOUR, hotfix } from '../../__testUtils__/hotfixFixtures';
import {
  hotfixes,
  PR,
  renderCard,
  row,
} from './__testUtils__/renderHotfixesCard';

jest.setTimeout(30_000);

describe('EntityHotfixesCard', () => {
  it('lists the hotfixes, open ones first, with status, overdue badge and links', async () => {
    const { api } = await renderCard();

    const rows = await screen.findAllByTestId('pragmatic-gitops-hotfix');
    expect(rows.map(r => r.getAttribute('data-hotfix'))).toEqual([
      'HF-2',
      'HF-5',
      'HF-4',
      'HF-3',
      'HF-1',
    ]);
    expect(api.listHotfixes).toHaveBeenCalledWith({
      entityRef: 'component:default/payments',
      limit: 500,
    });
    const chips = rows.map(
      r =>
        within(r).getByTestId('pragmatic-gitops-hotfix-status-chip')
          .textContent,
    );
    expect(chips).toEqual([
      'Pending back-port',
      'Pending back-port',
      'Abandoned',
      'Reverted',
      'Back-ported',
    ]);

    const overdue = await row('HF-2');
    expect(
      within(overdue).getByTestId('pragmatic-gitops-hotfix-overdue'),
    ).toHaveTextContent('back-port overdue since');
    expect(
      within(await row('HF-5')).queryByTestId(
        'pragmatic-gitops-hotfix-overdue',
      ),
    ).not.toBeInTheDocument();
    expect(overdue).toHaveTextContent('4 days ago');
    expect(within(overdue).getByRole('link', { name: /jane/ })).toHaveAttribute(
      'href',
      '/catalog/default/user/jane',
    );
    expect(
      within(overdue).getByRole('link', { name: 'Incident' }),
    ).toHaveAttribute('href', 'https://incidents.example.com/INC-7');
    expect(
      within(await row('HF-1')).getByRole('link', { name: 'Back-port' }),
    ).toHaveAttribute('href', PR);
    expect(
      within(await row('HF-1')).queryByRole('button', {
        name: 'Mark back-ported',
      }),
    ).not.toBeInTheDocument();
  });

  it('raises the alarm for a reverted hotfix and warns of overdue back-ports', async () => {
    await renderCard();

    expect(
      await screen.findByTestId('pragmatic-gitops-hotfix-reverted-alarm'),
    ).toHaveTextContent('Hotfix HF-3 was reverted');
    expect(
      screen.getByTestId('pragmatic-gitops-hotfix-overdue-warning'),
    ).toHaveTextContent('The back-port of HF-2 is overdue since');
  });

  it('expands a hotfix to its history and how to back-port it', async () => {
    const { api } = await renderCard({
      getHotfix: id =>
        Promise.resolve(
          hotfix({
            ...hotfixes[1],
            id,
            description: 'CPU at 95% during INC-7',
            events: [
              {
                type: 'recorded',
                actor: 'user:default/jane',
                at: ago(4 * DAY),
              },
              { type: 'drift-observed', at: ago(4 * DAY - HOUR) },
              {
                type: 'overdue-notified',
                actor: 'pragmatic-gitops',
                at: ago(DAY),
              },
            ],
          }),
        ),
    });

    await userEvent.click(
      within(await row('HF-2')).getByRole('button', { name: /^Expand HF-2/ }),
    );

    const details = await screen.findByTestId(
      'pragmatic-gitops-hotfix-details',
    );
    const events = await within(details).findAllByTestId(
      'pragmatic-gitops-hotfix-event',
    );
    expect(events.map(e => e.getAttribute('data-event'))).toEqual([
      'overdue-notified',
      'drift-observed',
      'recorded',
    ]);
    expect(events[2]).toHaveTextContent('Recorded by');
    expect(events[0]).toHaveTextContent('pragmatic-gitops');
    expect(api.getHotfix).toHaveBeenCalledWith('HF-2');
    expect(details).toHaveTextContent('CPU at 95% during INC-7');
    expect(details).toHaveTextContent('Deployment payments/payments-api');
    expect(
      within(details).getByTestId('pragmatic-gitops-backport-trailer'),
    ).toHaveTextContent('Backport-Of: HF-2');
    expect(
      within(details).getByRole('button', { name: 'Copy Backport-Of: HF-2' }),
    ).toBeInTheDocument();
  });

  it('says when there are no hotfixes', async () => {
    await renderCard({
      listHotfixes: () => Promise.resolve({ items: [], totalItems: 0 }),
    });
    expect(await screen.findByText(/No hotfixes recorded/)).toBeInTheDocument();
    expect(
      screen.queryByTestId('pragmatic-gitops-hotfix-reverted-alarm'),
    ).not.toBeInTheDocument();
  });
});
