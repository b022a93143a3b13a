import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityGitopsStatus } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { PragmaticGitopsApi, pragmaticGitopsApiRef } from '../../api';
import { hotfix } from '../../__testUtils__/hotfixFixtures';
import { mockPragmaticGitopsApi } from '../../__testUtils__/mockPragmaticGitopsApi';
import { EntityDriftCard } from './EntityDriftCard';

const DAY = 24 * 60 * 60 * 1000;

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: { 'pragmatic-gitops.io/track': 'declarative' },
  },
};

function resource(name: string, status: 'in-sync' | 'drifted') {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    namespace: 'payments',
    name,
    status,
    differences: [],
    ignored: [],
  };
}

async function renderCard(
  status: EntityGitopsStatus | Error,
  more: Partial<PragmaticGitopsApi> = {},
) {
  const api = mockPragmaticGitopsApi({
    getEntityStatus: () =>
      status instanceof Error
        ? Promise.reject(status)
        : Promise.resolve(status),
    listHotfixes: () => Promise.resolve({ items: [], totalItems: 0 }),
    ...more,
  });
  await renderInTestApp(
    <TestApiProvider apis={[[pragmaticGitopsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityDriftCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

describe('EntityDriftCard', () => {
  it('sums up the drift and links to the GitOps tab', async () => {
    const api = await renderCard({
      entityRef: 'component:default/payments',
      track: 'declarative',
      drift: {
        status: 'drifted',
        since: new Date(Date.now() - 3 * DAY - 1000).toISOString(),
        resources: [
          resource('a', 'drifted'),
          resource('b', 'in-sync'),
          resource('c', 'drifted'),
        ],
      },
      findings: [],
    });

    const card = screen.getByTestId('pragmatic-gitops-drift-card');
    expect(
      await screen.findByTestId('pragmatic-gitops-drift-status-chip'),
    ).toHaveTextContent('Drifted');
    expect(
      screen.getByTestId('pragmatic-gitops-drift-since'),
    ).toHaveTextContent('Drifted for 3 days');
    expect(
      screen.getByTestId('pragmatic-gitops-drift-counts'),
    ).toHaveTextContent('2 of 3 resources not in sync');
    expect(
      screen.getByRole('link', { name: /See GitOps tab/ }),
    ).toHaveAttribute('href', '/catalog/default/component/payments/gitops');
    expect(card).toBeInTheDocument();
    expect(api.getEntityStatus).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('counts pending changes of an imperative entity', async () => {
    await renderCard({
      entityRef: 'component:default/payments',
      track: 'imperative',
      drift: {
        status: 'pending',
        pending: {
          terraform: [
            { address: 'a.b', type: 'a', actions: ['create'] },
            { address: 'a.c', type: 'a', actions: ['update'] },
          ],
          migrations: { notApplied: ['0001.sql'] },
        },
      },
      findings: [],
    });

    expect(
      await screen.findByTestId('pragmatic-gitops-drift-counts'),
    ).toHaveTextContent('2 Terraform changes and 1 migration pending');
  });

  it('shows the reason of an unknown status', async () => {
    await renderCard({
      entityRef: 'component:default/payments',
      track: 'declarative',
      drift: { status: 'unknown', reason: 'source unreachable' },
      findings: [],
    });

    expect(await screen.findByText('source unreachable')).toBeInTheDocument();
    expect(
      screen.getByTestId('pragmatic-gitops-drift-status-chip'),
    ).toHaveTextContent('Unknown');
  });

  it('shows a backend error', async () => {
    await renderCard(new Error('backend unreachable'));

    await waitFor(() =>
      expect(
        screen.getByTestId('pragmatic-gitops-drift-card'),
      ).toHaveTextContent('Error: backend unreachable'),
    );
  });

  it('heads the card with a critical finding, even when in sync', async () => {
    await renderCard({
      entityRef: 'component:default/payments',
      track: 'declarative',
      drift: { status: 'in-sync', since: new Date().toISOString() },
      findings: [
        {
          severity: 'critical',
          code: 'plaintext-secret-in-git',
          message: 'Secret db is committed to Git with a plaintext value',
        },
      ],
    });

    const banner = await screen.findByTestId(
      'pragmatic-gitops-findings-banner',
    );
    expect(banner).toHaveTextContent(
      /Critical finding.*Secret db is committed to Git with a plaintext value/,
    );
    expect(
      screen.getByTestId('pragmatic-gitops-drift-status-chip'),
    ).toHaveTextContent('In sync');
  });
  it('raises the revert alarm on the overview tab, with a next step, until acknowledged', async () => {
    const reverted = hotfix({
      id: 'HF-7',
      title: 'Raise max_connections',
      status: 'reverted',
    });
    const acknowledgeHotfix = jest.fn(() =>
      Promise.resolve({
        ...reverted,
        acknowledgedBy: 'user:default/guest',
        acknowledgedAt: new Date().toISOString(),
      }),
    );
    const api = await renderCard(
      {
        entityRef: 'component:default/payments',
        track: 'operator',
        drift: { status: 'in-sync', since: new Date().toISOString() },
        findings: [],
      },
      {
        listHotfixes: () =>
          Promise.resolve({ items: [reverted], totalItems: 1 }),
        acknowledgeHotfix,
      },
    );

    const alarm = await screen.findByTestId(
      'pragmatic-gitops-hotfix-reverted-alarm',
    );
    expect(alarm).toHaveTextContent('Hotfix HF-7 was reverted');
    expect(alarm).toHaveTextContent(
      'Next step: re-apply the fix and record it again, or back-port it to Git',
    );
    expect(alarm).toHaveTextContent('Backport-Of: HF-7');
    expect(api.listHotfixes).toHaveBeenCalledWith({
      entityRef: 'component:default/payments',
      status: 'reverted',
      acknowledged: false,
    });

    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(acknowledgeHotfix).toHaveBeenCalledWith('HF-7');
    await waitFor(() =>
      expect(
        screen.queryByTestId('pragmatic-gitops-hotfix-reverted-alarm'),
      ).not.toBeInTheDocument(),
    );
  });
});
