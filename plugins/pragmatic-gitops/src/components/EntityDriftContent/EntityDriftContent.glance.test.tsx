import { screen, within } from '@testing-library/react';
import { EntityGitopsDetails } from '../../api';
import {
  ago,
  DAY,
  drifted,
  entityWith,
  renderContent,
} from './__testUtils__/renderDriftContent';

const plaintextSecret: EntityGitopsDetails = {
  ...drifted,
  drift: {
    status: 'in-sync',
    since: ago(2 * DAY),
    observedAt: ago(60 * 1000),
    resources: [],
  },
  findings: [
    {
      severity: 'critical',
      code: 'plaintext-secret-in-git',
      message:
        'Secret payments-db-credentials is committed to Git with a plaintext value',
      location:
        'deploy/payments/overlays/production/secret-db-credentials.yaml',
    },
    { severity: 'info', code: 'note', message: 'Just so you know' },
  ],
  secretRefs: [
    {
      store: { kind: 'kubernetes' },
      key: 'payments-db-credentials',
      via: 'kubernetes-secret',
      declaredBy: { kind: 'Secret', name: 'payments-db-credentials' },
      usedBy: [{ kind: 'Deployment', name: 'payments-api' }],
      resolution: {
        status: 'exists',
        reason: 'declared in Git as Secret/payments-db-credentials',
      },
    },
  ],
};

describe('EntityDriftContent at a glance', () => {
  it('puts a critical finding above a green "In sync", in full', async () => {
    await renderContent(entityWith('declarative'), plaintextSecret);

    const summary = await screen.findByTestId('pragmatic-gitops-drift-status');
    const banner = within(summary).getByTestId(
      'pragmatic-gitops-findings-banner',
    );
    const items = within(banner).getAllByTestId(
      'pragmatic-gitops-findings-banner-item',
    );
    // Info findings stay in the findings card, out of the banner.
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveAttribute('data-severity', 'critical');
    expect(items[0]).toHaveTextContent(
      'Secret payments-db-credentials is committed to Git with a plaintext value',
    );
    expect(items[0]).toHaveTextContent(
      'deploy/payments/overlays/production/secret-db-credentials.yaml',
    );
    // The banner comes before the status chip in reading order.
    const chip = within(summary).getByTestId(
      'pragmatic-gitops-drift-status-chip',
    );
    expect(
      banner.compareDocumentPosition(chip) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('never calls a plaintext Secret in Git a green "exists"', async () => {
    await renderContent(entityWith('declarative'), plaintextSecret);

    const chip = await screen.findByTestId(
      'pragmatic-gitops-secret-resolution',
    );
    expect(chip).toHaveTextContent('plaintext in Git');
    expect(chip).not.toHaveTextContent('exists');
    expect(chip).toHaveAttribute('data-status', 'plaintext-in-git');
  });

  it('shows a resource whose every difference is explained as Explained', async () => {
    await renderContent(entityWith('declarative'), {
      ...drifted,
      drift: {
        ...drifted.drift,
        status: 'explained',
        resources: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            namespace: 'payments',
            name: 'payments-api',
            status: 'drifted',
            differences: [
              {
                path: '/spec/replicas',
                desired: 2,
                live: 5,
                explainedBy: 'HF-4',
              },
              {
                path: '/spec/template/spec/containers/0/image',
                desired: 'a:1',
                live: 'a:2',
                explainedBy: 'HF-4',
              },
            ],
            ignored: [],
          },
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            namespace: 'payments',
            name: 'payments-config',
            status: 'drifted',
            differences: [
              { path: '/data/a', desired: '1', live: '2', explainedBy: 'HF-4' },
              { path: '/data/b', desired: '1', live: '2' },
            ],
            ignored: [],
          },
        ],
      },
    });

    const rows = await screen.findAllByTestId('pragmatic-gitops-resource');
    const chips = rows.map(row =>
      within(row)
        .getByTestId('pragmatic-gitops-resource-status-chip')
        .getAttribute('data-status'),
    );
    // Half explained is still drift, and listed first.
    expect(chips).toEqual(['drifted', 'explained']);
    expect(rows[1]).toHaveTextContent('Explained');
  });

  it('says "since tracking began" when the status is as old as its history', async () => {
    const trackedSince = '2026-11-28T09:00:00.000Z';
    await renderContent(entityWith('declarative'), {
      ...drifted,
      drift: { ...drifted.drift, since: trackedSince, trackedSince },
    });
    expect(
      await screen.findByTestId('pragmatic-gitops-drift-since'),
    ).toHaveTextContent('Drifted since tracking began Nov 28, 2026');
  });

  it('dates the status by when it changed', async () => {
    await renderContent(entityWith('declarative'), {
      ...drifted,
      drift: {
        ...drifted.drift,
        since: ago(2 * DAY + 60 * 1000),
        trackedSince: ago(10 * DAY),
      },
    });
    expect(
      await screen.findByTestId('pragmatic-gitops-drift-since'),
    ).toHaveTextContent('Drifted for 2 days');
  });

  it('warns when the live state is older than a day, and not before', async () => {
    await renderContent(entityWith('declarative'), {
      ...drifted,
      drift: { ...drifted.drift, status: 'in-sync', observedAt: ago(5 * DAY) },
    });
    expect(
      await screen.findByTestId('pragmatic-gitops-stale-warning'),
    ).toHaveTextContent('Live state is stale: it was observed 5 days ago');
  });

  it('does not warn about fresh live state', async () => {
    await renderContent(entityWith('declarative'), drifted);
    await screen.findByTestId('pragmatic-gitops-drift-status');
    expect(
      screen.queryByTestId('pragmatic-gitops-stale-warning'),
    ).not.toBeInTheDocument();
  });

  it('shows the Git source as a link apart from the live source', async () => {
    await renderContent(entityWith('declarative'), {
      ...drifted,
      drift: {
        ...drifted.drift,
        source:
          'https://github.com/org/deploy/tree/main/apps/payments ↔ argocd:main/payments',
      },
    });
    const git = await screen.findByTestId('pragmatic-gitops-git-source');
    expect(within(git).getByRole('link')).toHaveAttribute(
      'href',
      'https://github.com/org/deploy/tree/main/apps/payments',
    );
    expect(
      screen.getByTestId('pragmatic-gitops-live-source'),
    ).toHaveTextContent('argocd:main/payments');
  });

  it('offers no record-hotfix button without a valid track', async () => {
    await renderContent(entityWith('sideways'), {
      ...drifted,
      track: null,
      drift: { status: 'unknown', reason: 'Invalid track "sideways"' },
    });
    await screen.findByTestId('pragmatic-gitops-drift-status');
    expect(
      screen.queryByRole('button', { name: 'Record hotfix' }),
    ).not.toBeInTheDocument();
  });
});
