import { alertApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import {
  EntityGitopsStatus,
  entityStatusSignalChannel,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { pragmaticGitopsApiRef } from '../api';
import { mockPragmaticGitopsApi } from '../__testUtils__/mockPragmaticGitopsApi';
import { fakeSignalApi } from '../__testUtils__/fakeSignalApi';
import { EntityDriftCard } from '../components/EntityDriftCard';
import { EntityDriftContent } from '../components/EntityDriftContent';
import { EntityHotfixesCard } from '../components/HotfixList';
import { EntitySecretRefsCard } from '../components/SecretRefsCard';
import { EntityTrackCard } from '../components/EntityTrackCard';
import {
  drifted,
  entityWith,
  history,
  mockAlertApi,
} from '../components/EntityDriftContent/__testUtils__/renderDriftContent';

const CHANNEL = entityStatusSignalChannel('component:default/payments');

const inSync = {
  ...drifted,
  drift: { ...drifted.drift, status: 'in-sync' as const, resources: [] },
};

/** The tab and every entity card, over an API answering `inSync` then `drifted`. */
async function renderEntityPage(signals?: ReturnType<typeof fakeSignalApi>) {
  let current: EntityGitopsStatus = inSync;
  const api = mockPragmaticGitopsApi({
    getEntityStatus: async () => current,
    getEntityHistory: async () => history,
    listHotfixes: async () => ({ items: [], totalItems: 0 }),
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [pragmaticGitopsApiRef, api],
        [alertApiRef, mockAlertApi()],
        ...(signals ? [[signalApiRef, signals.api] as const] : []),
      ]}
    >
      <EntityProvider entity={entityWith('A')}>
        <EntityDriftContent />
        <EntityDriftCard />
        <EntityTrackCard />
        <EntitySecretRefsCard />
        <EntityHotfixesCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  const statusChips = () =>
    screen
      .queryAllByTestId('pragmatic-gitops-drift-status')
      .concat(screen.queryAllByTestId('pragmatic-gitops-drift-card'))
      .map(
        section =>
          within(section).queryAllByTestId(
            'pragmatic-gitops-drift-status-chip',
          )[0]?.textContent,
      );
  return {
    api,
    statusChips,
    changeTo: (next: EntityGitopsStatus) => {
      current = next;
    },
  };
}

describe('live updates through signals', () => {
  it('reads the status again on the tab and every card when the entity is signalled', async () => {
    const signals = fakeSignalApi();
    const page = await renderEntityPage(signals);
    await waitFor(() =>
      expect(page.statusChips()).toEqual(['In sync', 'In sync']),
    );
    expect(signals.channels()).toContain(CHANNEL);
    const reads = page.api.getEntityStatus.mock.calls.length;
    const hotfixReads = page.api.listHotfixes.mock.calls.length;

    page.changeTo(drifted);
    signals.publish(CHANNEL, {
      entityRef: 'component:default/payments',
      status: 'drifted',
    });

    await waitFor(() =>
      expect(page.statusChips()).toEqual(['Drifted', 'Drifted']),
    );
    // The tab, the drift, track and secret references cards read once more.
    expect(page.api.getEntityStatus).toHaveBeenCalledTimes(reads + 4);
    expect(page.api.listHotfixes.mock.calls.length).toBeGreaterThan(
      hotfixReads,
    );
    expect(page.api.getEntityHistory).toHaveBeenCalledTimes(2);
  });

  it('ignores signals about other entities', async () => {
    const signals = fakeSignalApi();
    const page = await renderEntityPage(signals);
    await waitFor(() =>
      expect(page.statusChips()).toEqual(['In sync', 'In sync']),
    );
    const reads = page.api.getEntityStatus.mock.calls.length;

    page.changeTo(drifted);
    signals.publish(entityStatusSignalChannel('component:default/orders'), {
      entityRef: 'component:default/orders',
      status: 'drifted',
    });

    expect(page.api.getEntityStatus).toHaveBeenCalledTimes(reads);
    expect(page.statusChips()).toEqual(['In sync', 'In sync']);
  });

  it('works as before in an app without the signals plugin', async () => {
    const page = await renderEntityPage();
    await waitFor(() =>
      expect(page.statusChips()).toEqual(['In sync', 'In sync']),
    );
    expect(page.api.getEntityStatus).toHaveBeenCalledTimes(4);
  });
});
