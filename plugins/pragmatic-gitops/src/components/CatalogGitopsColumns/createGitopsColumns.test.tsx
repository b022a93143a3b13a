import { Entity } from '@backstage/catalog-model';
import { Table } from '@backstage/core-components';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  EntityStatusesByRefs,
  EntityStatusSummary,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { mockPragmaticGitopsApi } from '../../__testUtils__/mockPragmaticGitopsApi';
import { createGitopsColumns, EntityRow } from './createGitopsColumns';

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const SUMMARIES: Record<string, EntityStatusSummary | null> = {
  'component:default/payments': {
    entityRef: 'component:default/payments',
    track: 'declarative',
    status: 'drifted',
    since: '2026-01-02T00:00:00.000Z',
  },
  'component:default/orders-db': {
    entityRef: 'component:default/orders-db',
    track: 'operator',
    status: 'in-sync',
    since: '2026-01-02T00:00:00.000Z',
  },
  'component:default/billing': {
    entityRef: 'component:default/billing',
    track: null,
    status: 'not-tracked',
  },
  // One the user may not read.
  'component:default/vault': null,
};

async function renderTable(
  names: string[],
  getEntityStatusesByRefs: (
    refs: string[],
  ) => Promise<EntityStatusesByRefs> = async refs => ({
    items: refs.map(ref => SUMMARIES[ref] ?? null),
  }),
  pageSize = 20,
) {
  const api = mockPragmaticGitopsApi({ getEntityStatusesByRefs });
  await renderInTestApp(
    <TestApiProvider apis={[[pragmaticGitopsApiRef, api]]}>
      <Table<EntityRow>
        title="Catalog"
        options={{ pageSize, search: false }}
        columns={[
          { title: 'Name', field: 'entity.metadata.name' },
          ...createGitopsColumns(),
        ]}
        data={names.map(name => ({ entity: component(name) }))}
      />
    </TestApiProvider>,
  );
  return api;
}

function row(name: string) {
  return screen.getByText(name).closest('tr')!;
}

describe('createGitopsColumns', () => {
  it('shows track and drift status chips for a page of entities from one request', async () => {
    const api = await renderTable([
      'payments',
      'orders-db',
      'billing',
      'vault',
    ]);

    await waitFor(() =>
      expect(within(row('payments')).getByText('Drifted')).toBeInTheDocument(),
    );
    expect(
      within(row('payments')).getByText('Declarative'),
    ).toBeInTheDocument();
    expect(within(row('orders-db')).getByText('In sync')).toBeInTheDocument();
    expect(
      within(row('orders-db')).getByText('Operator-managed'),
    ).toBeInTheDocument();
    expect(within(row('billing')).getByText('Not tracked')).toBeInTheDocument();
    expect(
      within(row('billing')).queryByTestId('pragmatic-gitops-track-chip'),
    ).not.toBeInTheDocument();
    expect(
      within(row('vault')).queryByTestId('pragmatic-gitops-drift-status-chip'),
    ).not.toBeInTheDocument();

    expect(api.getEntityStatusesByRefs).toHaveBeenCalledTimes(1);
    expect(api.getEntityStatusesByRefs).toHaveBeenCalledWith([
      'component:default/payments',
      'component:default/orders-db',
      'component:default/billing',
      'component:default/vault',
    ]);
  });

  it('asks once more, for the new rows only, when the next page is shown', async () => {
    const api = await renderTable(
      ['payments', 'orders-db', 'billing'],
      undefined,
      2,
    );
    await waitFor(() =>
      expect(within(row('orders-db')).getByText('In sync')).toBeInTheDocument(),
    );

    await userEvent.click(screen.getByRole('button', { name: /next page/i }));

    await waitFor(() =>
      expect(
        within(row('billing')).getByText('Not tracked'),
      ).toBeInTheDocument(),
    );
    expect(api.getEntityStatusesByRefs.mock.calls).toEqual([
      [['component:default/payments', 'component:default/orders-db']],
      [['component:default/billing']],
    ]);
  });

  it('says the status is unavailable when the backend fails', async () => {
    await renderTable(['payments'], () =>
      Promise.reject(new Error('backend down')),
    );

    const errors = await screen.findAllByTestId('pragmatic-gitops-cell-error');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toHaveTextContent('Unavailable');
    expect(errors[0]).toHaveAttribute('title', 'backend down');
  });
});
