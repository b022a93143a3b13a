import { Entity } from '@backstage/catalog-model';
import { MockEntityListContextProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ANNOTATION_TRACK,
  FleetOverview,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  OverviewQuery,
  pragmaticGitopsApiRef,
} from '../../api/PragmaticGitopsApi';
import { mockPragmaticGitopsApi } from '../../__testUtils__/mockPragmaticGitopsApi';
import { EntityGitopsPicker } from './EntityGitopsPicker';
import { EntityGitopsFilter } from './EntityGitopsFilter';

function component(name: string, track?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: track ? { [ANNOTATION_TRACK]: track } : {},
    },
  };
}

const payments = component('payments', 'A');
const orders = component('orders-db', 'operator');
const billing = component('billing');

/** An overview of `refs`, paged as the backend pages it. */
function overviewOf(refs: string[]) {
  return jest.fn(async (query: OverviewQuery = {}): Promise<FleetOverview> => {
    const offset = query.offset ?? 0;
    const items = refs
      .slice(offset, offset + (query.limit ?? 50))
      .map(entityRef => ({
        entityRef,
        track: 'declarative' as const,
        status: query.status ?? ('in-sync' as const),
        since: '2026-01-02T00:00:00.000Z',
      }));
    return {
      totals: { byTrack: {}, byStatus: {} },
      items,
      totalItems: refs.length,
    };
  });
}

async function renderPicker(
  getOverview = overviewOf(['component:default/payments']),
  queryParameters: Record<string, string | string[]> = {},
) {
  const api = mockPragmaticGitopsApi({ getOverview });
  const updateFilters = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[pragmaticGitopsApiRef, api]]}>
      <MockEntityListContextProvider value={{ updateFilters, queryParameters }}>
        <EntityGitopsPicker />
      </MockEntityListContextProvider>
    </TestApiProvider>,
  );
  /** The GitOps filter last handed to the catalog page. */
  const lastFilter = () =>
    updateFilters.mock.calls.at(-1)?.[0].gitops as EntityGitopsFilter;
  return { api, updateFilters, lastFilter };
}

describe('EntityGitopsPicker', () => {
  it('keeps the entities the backend gives for a drift status', async () => {
    const { api, lastFilter } = await renderPicker();

    await userEvent.selectOptions(
      screen.getByTestId('pragmatic-gitops-picker-status'),
      'drifted',
    );

    await waitFor(() => expect(lastFilter()).toBeDefined());
    expect(api.getOverview).toHaveBeenCalledWith({
      status: 'drifted',
      track: undefined,
      offset: 0,
      limit: 500,
    });
    expect(lastFilter().filterEntity(payments)).toBe(true);
    expect(lastFilter().filterEntity(orders)).toBe(false);
    expect(lastFilter().toQueryValue()).toEqual(['status:drifted']);
  });

  it('lets the catalog filter on the track annotation, letters included', async () => {
    const { api, lastFilter } = await renderPicker();

    await userEvent.selectOptions(
      screen.getByTestId('pragmatic-gitops-picker-track'),
      'operator',
    );

    await waitFor(() => expect(lastFilter()).toBeDefined());
    expect(lastFilter().getCatalogFilters()).toEqual({
      [`metadata.annotations.${ANNOTATION_TRACK}`]: ['operator', 'B'],
    });
    expect(lastFilter().filterEntity(orders)).toBe(true);
    expect(lastFilter().filterEntity(payments)).toBe(false);
    expect(api.getOverview).not.toHaveBeenCalled();
  });

  it('keeps entities without a track for "Not tracked", asking nothing', async () => {
    const { api, lastFilter } = await renderPicker();

    await userEvent.selectOptions(
      screen.getByTestId('pragmatic-gitops-picker-status'),
      'not-tracked',
    );

    await waitFor(() => expect(lastFilter()).toBeDefined());
    expect(lastFilter().filterEntity(billing)).toBe(true);
    expect(lastFilter().filterEntity(payments)).toBe(false);
    expect(api.getOverview).not.toHaveBeenCalled();
  });

  it('reads every page of a large fleet', async () => {
    const refs = Array.from(
      { length: 501 },
      (_, i) => `component:default/service-${i}`,
    );
    const { api, lastFilter } = await renderPicker(overviewOf(refs));

    await userEvent.selectOptions(
      screen.getByTestId('pragmatic-gitops-picker-status'),
      'pending',
    );

    await waitFor(() => expect(lastFilter()).toBeDefined());
    expect(api.getOverview).toHaveBeenCalledTimes(2);
    expect(lastFilter().filterEntity(component('service-500'))).toBe(true);
  });

  it('restores the choice kept in the URL', async () => {
    const { lastFilter } = await renderPicker(undefined, {
      gitops: ['track:declarative', 'status:drifted'],
    });

    await waitFor(() => expect(lastFilter()).toBeDefined());
    expect(screen.getByTestId('pragmatic-gitops-picker-status')).toHaveValue(
      'drifted',
    );
    expect(lastFilter().track).toBe('declarative');
    expect(lastFilter().filterEntity(payments)).toBe(true);
  });

  it('clears the filter when both are set back to all', async () => {
    const { updateFilters } = await renderPicker();
    const track = screen.getByTestId('pragmatic-gitops-picker-track');

    await userEvent.selectOptions(track, 'imperative');
    await userEvent.selectOptions(track, '');

    await waitFor(() =>
      expect(updateFilters).toHaveBeenLastCalledWith({ gitops: undefined }),
    );
  });

  it('says so when the drift status cannot be read', async () => {
    const { updateFilters } = await renderPicker(
      jest.fn(() => Promise.reject(new Error('backend down'))),
    );

    await userEvent.selectOptions(
      screen.getByTestId('pragmatic-gitops-picker-status'),
      'drifted',
    );

    expect(
      await screen.findByTestId('pragmatic-gitops-picker-error'),
    ).toHaveTextContent('Could not filter by drift status: backend down');
    expect(updateFilters).not.toHaveBeenCalledWith(
      expect.objectContaining({ gitops: expect.anything() }),
    );
  });
});
