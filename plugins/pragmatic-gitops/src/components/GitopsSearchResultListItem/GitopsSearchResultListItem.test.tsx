import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { GitopsSearchDocument } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { GitopsSearchResultListItem } from './GitopsSearchResultListItem';

const result: GitopsSearchDocument = {
  title: 'Payments',
  text: 'payments (Payments) is drifted on the declarative track, owned by team-payments.',
  location: '/catalog/default/component/payments/gitops',
  entityRef: 'component:default/payments',
  kind: 'component',
  namespace: 'default',
  name: 'payments',
  track: 'declarative',
  driftStatus: 'drifted',
  owner: 'group:default/team-payments',
  since: '2026-11-30T08:00:00.000Z',
};

describe('GitopsSearchResultListItem', () => {
  it('links to the GitOps tab and shows the status and track', async () => {
    await renderInTestApp(<GitopsSearchResultListItem result={result} />);

    expect(screen.getByRole('link', { name: 'Payments' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/gitops',
    );
    expect(
      screen.getByText(/is drifted on the declarative track/),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('pragmatic-gitops-drift-status-chip'),
    ).toHaveTextContent('Drifted');
    expect(screen.getByTestId('pragmatic-gitops-track-chip')).toHaveTextContent(
      'Declarative',
    );
  });

  it('shows the highlighted words the search matched', async () => {
    await renderInTestApp(
      <GitopsSearchResultListItem
        result={result}
        highlight={{
          preTag: '<mark>',
          postTag: '</mark>',
          fields: { text: 'payments is <mark>drifted</mark>' },
        }}
      />,
    );

    expect(screen.getByText('drifted').tagName).toBe('MARK');
  });
});
