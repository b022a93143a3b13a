import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ago, hotfix, responseError } from '../../__testUtils__/hotfixFixtures';
import {
  hotfixes,
  PR,
  renderCard,
  row,
} from './__testUtils__/renderHotfixesCard';

jest.setTimeout(30_000);

describe('EntityHotfixesCard actions', () => {
  it('marks a hotfix back-ported with the URL of its commit', async () => {
    // A fake ledger: the back-port is what the next list shows.
    let items = hotfixes;
    const backportHotfix = jest.fn((id: string, url: string) => {
      const updated = hotfix({
        ...hotfixes[4],
        status: 'backported',
        events: [{ type: 'backported', at: ago(0), detail: { url } }],
      });
      items = items.map(item => (item.id === id ? updated : item));
      return Promise.resolve(updated);
    });
    const { alertApi, api } = await renderCard({
      backportHotfix,
      listHotfixes: () => Promise.resolve({ items, totalItems: items.length }),
    });

    await userEvent.click(
      within(await row('HF-5')).getByRole('button', {
        name: 'Mark back-ported',
      }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Commit or pull request URL/),
      'not a url',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Mark back-ported' }),
    );
    expect(dialog).toHaveTextContent(
      'Enter the http(s) URL of the commit or pull request.',
    );
    expect(backportHotfix).not.toHaveBeenCalled();

    const input = within(dialog).getByLabelText(/Commit or pull request URL/);
    await userEvent.clear(input);
    await userEvent.click(input);
    await userEvent.paste(PR);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Mark back-ported' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(backportHotfix).toHaveBeenCalledWith('HF-5', PR);
    const updated = await row('HF-5');
    expect(
      within(updated).getByTestId('pragmatic-gitops-hotfix-status-chip'),
    ).toHaveTextContent('Back-ported');
    expect(
      within(updated).getByRole('link', { name: 'Back-port' }),
    ).toHaveAttribute('href', PR);
    expect(api.listHotfixes).toHaveBeenCalledTimes(2);
    expect(
      await screen.findByTestId('pragmatic-gitops-done-message'),
    ).toHaveTextContent('HF-5 marked back-ported');
    expect(alertApi.post).not.toHaveBeenCalled();
  });

  it('shows a refused abandon in the dialog and keeps the hotfix open', async () => {
    const forbidden = await responseError(
      403,
      'NotAllowedError',
      'Unauthorized',
    );
    const abandonHotfix = jest.fn(() => Promise.reject(forbidden));
    await renderCard({ abandonHotfix });

    await userEvent.click(
      within(await row('HF-5')).getByRole('button', { name: 'Abandon' }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Abandon' }),
    );
    expect(dialog).toHaveTextContent('Give a reason.');

    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'Rolled back',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Abandon' }),
    );

    expect(
      await within(dialog).findByTestId('pragmatic-gitops-hotfix-action-error'),
    ).toHaveTextContent(
      'You are not allowed to abandon HF-5: it takes the pragmatic-gitops.hotfix.update permission.',
    );
    expect(abandonHotfix).toHaveBeenCalledWith('HF-5', 'Rolled back');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    expect(
      within(await row('HF-5')).getByTestId(
        'pragmatic-gitops-hotfix-status-chip',
      ),
    ).toHaveTextContent('Pending back-port');
  });

  it('says so when the hotfix is no longer pending', async () => {
    const conflict = await responseError(
      409,
      'ConflictError',
      'HF-5 is backported, not pending-backport',
    );
    await renderCard({ backportHotfix: () => Promise.reject(conflict) });

    await userEvent.click(
      within(await row('HF-5')).getByRole('button', {
        name: 'Mark back-ported',
      }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.click(
      within(dialog).getByLabelText(/Commit or pull request URL/),
    );
    await userEvent.paste(PR);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Mark back-ported' }),
    );

    expect(
      await within(dialog).findByTestId('pragmatic-gitops-hotfix-action-error'),
    ).toHaveTextContent('HF-5 is backported, not pending-backport');
  });
});
