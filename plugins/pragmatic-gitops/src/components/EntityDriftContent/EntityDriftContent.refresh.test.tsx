import { ResponseError } from '@backstage/errors';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ago,
  drifted,
  entityWith,
  renderContent,
  summaryChip,
} from './__testUtils__/renderDriftContent';

// The whole tab renders twice; slow on a loaded machine.
jest.setTimeout(20_000);

describe('EntityDriftContent refresh', () => {
  it('replaces the status with the refreshed one', async () => {
    const refreshEntity = jest.fn(() =>
      Promise.resolve({
        ...drifted,
        drift: { status: 'in-sync' as const, since: ago(1000), resources: [] },
      }),
    );
    const api = await renderContent(entityWith('A'), drifted, refreshEntity);

    await screen.findByTestId('pragmatic-gitops-drift-since');
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    await waitFor(async () =>
      expect(await summaryChip()).toHaveTextContent('In sync'),
    );
    expect(refreshEntity).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments',
    });
    expect(api.getEntityHistory).toHaveBeenCalledTimes(2);
    expect(
      screen.queryByTestId('pragmatic-gitops-refresh-error'),
    ).not.toBeInTheDocument();
  });

  it('says so inline when refreshing is not permitted', async () => {
    const forbidden = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'NotAllowedError', message: 'Unauthorized' },
          request: { method: 'POST', url: '/refresh' },
          response: { statusCode: 403 },
        }),
        { status: 403, statusText: 'Forbidden' },
      ),
    );
    await renderContent(entityWith('A'), drifted, () =>
      Promise.reject(forbidden),
    );

    await screen.findByTestId('pragmatic-gitops-drift-since');
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByTestId('pragmatic-gitops-refresh-error'),
    ).toHaveTextContent(
      'You are not allowed to refresh this entity: it takes the pragmatic-gitops.entity.refresh permission.',
    );
    expect(await summaryChip()).toHaveTextContent('Drifted');
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  });
});
