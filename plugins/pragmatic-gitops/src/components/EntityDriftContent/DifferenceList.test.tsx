import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DifferenceList } from './DifferenceList';

const IMAGE = 'registry.example.com/payments/payments-api';

describe('DifferenceList', () => {
  it('shows long values in full side by side, the changed part marked', async () => {
    await renderInTestApp(
      <DifferenceList
        ignored={[]}
        differences={[
          {
            path: '/spec/template/spec/containers/0/image',
            desired: `${IMAGE}:1.14.2@sha256:0123456789abcdef0123456789abcdef`,
            live: `${IMAGE}:1.14.3-hotfix.1@sha256:0123456789abcdef0123456789abcdef`,
          },
        ]}
      />,
    );
    expect(
      screen.queryByTestId('pragmatic-gitops-side-by-side'),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Compare in full' }),
    );

    const live = screen.getByTestId('pragmatic-gitops-side-live');
    expect(live).toHaveTextContent(
      `${IMAGE}:1.14.3-hotfix.1@sha256:0123456789abcdef0123456789abcdef`,
    );
    const inserted = live.querySelectorAll('ins');
    expect([...inserted].map(node => node.textContent).join('')).toContain(
      'hotfix',
    );
    const git = screen.getByTestId('pragmatic-gitops-side-desired');
    expect([...git.querySelectorAll('del')].map(n => n.textContent)).toEqual([
      '2',
    ]);
  });

  it('shows a config file inside a ConfigMap as a line diff', async () => {
    await renderInTestApp(
      <DifferenceList
        ignored={[]}
        differences={[
          {
            path: '/data/app.conf',
            desired: 'log_level = info\nworkers = 4\n',
            live: 'log_level = debug\nworkers = 4\n',
          },
        ]}
      />,
    );
    const diff = screen.getByTestId('pragmatic-gitops-line-diff');
    expect(diff.querySelector('del')).toHaveTextContent('− log_level = info');
    expect(diff.querySelector('ins')).toHaveTextContent('+ log_level = debug');
    expect(diff).toHaveTextContent('workers = 4');
  });

  it('names an added env entry by its key, not its pointer', async () => {
    await renderInTestApp(
      <DifferenceList
        ignored={[]}
        differences={[
          {
            path: '/spec/template/spec/containers/0/env/-',
            live: { name: 'FEATURE_FAST_REFUNDS', value: 'true' },
          },
        ]}
      />,
    );
    const item = screen.getByTestId('pragmatic-gitops-difference');
    expect(item).toHaveTextContent('env FEATURE_FAST_REFUNDS added');
    expect(item).not.toHaveTextContent('/env/-');
  });

  it('says who changed a field, when the live object records it', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000 - 5000);
    await renderInTestApp(
      <DifferenceList
        ignored={[]}
        differences={[
          {
            path: '/spec/replicas',
            desired: 2,
            live: 5,
            changedBy: {
              manager: 'kubectl-scale',
              operation: 'Update',
              time: twoHoursAgo.toISOString(),
            },
          },
          { path: '/spec/paused', desired: false, live: true },
        ]}
      />,
    );
    const [scaled, paused] = screen.getAllByTestId(
      'pragmatic-gitops-difference',
    );
    expect(
      within(scaled).getByTestId('pragmatic-gitops-changed-by'),
    ).toHaveTextContent('changed by kubectl-scale, 2 hours ago');
    expect(
      within(paused).queryByTestId('pragmatic-gitops-changed-by'),
    ).not.toBeInTheDocument();
  });

  it('calls the sides what the caller says they are', async () => {
    await renderInTestApp(
      <DifferenceList
        ignored={[]}
        labels={{ desired: 'Last applied', live: 'Real infrastructure' }}
        differences={[{ path: '/tags/env', desired: 'prod', live: 'staging' }]}
      />,
    );
    const item = screen.getByTestId('pragmatic-gitops-difference');
    expect(within(item).getByText('Last applied')).toBeInTheDocument();
    expect(within(item).getByText('Real infrastructure')).toBeInTheDocument();
    expect(within(item).queryByText('Git')).not.toBeInTheDocument();
  });
});
