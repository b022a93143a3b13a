import { alertApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  EntityGitopsStatus,
  entityStatusSignalChannel,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { pragmaticGitopsApiRef } from '../../api';
import { fakeSignalApi } from '../../__testUtils__/fakeSignalApi';
import { mockPragmaticGitopsApi } from '../../__testUtils__/mockPragmaticGitopsApi';
import { EntityDriftContent } from './EntityDriftContent';
import {
  drifted,
  entityWith,
  history,
  mockAlertApi,
} from './__testUtils__/renderDriftContent';

// The whole tab renders, then again on each signal.
jest.setTimeout(20_000);

const REF = 'component:default/payments';
const CHANNEL = entityStatusSignalChannel(REF);
const [deployment, service] = drifted.drift.resources!;

const inSync: EntityGitopsStatus = {
  ...drifted,
  drift: {
    ...drifted.drift,
    status: 'in-sync',
    resources: [
      { ...deployment, status: 'in-sync', differences: [], ignored: [] },
      service,
    ],
  },
};

async function renderTab() {
  let current = inSync;
  const signals = fakeSignalApi();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          pragmaticGitopsApiRef,
          mockPragmaticGitopsApi({
            getEntityStatus: async () => current,
            getEntityHistory: async () => history,
            listHotfixes: async () => ({ items: [], totalItems: 0 }),
          }),
        ],
        [alertApiRef, mockAlertApi()],
        [signalApiRef, signals.api],
      ]}
    >
      <EntityProvider entity={entityWith('A')}>
        <EntityDriftContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return (next: EntityGitopsStatus) => {
    current = next;
    signals.publish(CHANNEL, { entityRef: REF, status: next.drift.status });
  };
}

const expandButton = () =>
  screen.findByRole('button', {
    name: /(Expand|Collapse) Deployment payments\/payments-api/,
  });

describe('ResourceRow', () => {
  it('opens to its differences when a live update finds it drifted', async () => {
    const update = await renderTab();
    expect(await expandButton()).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('/spec/replicas')).not.toBeInTheDocument();

    update(drifted);

    expect(await screen.findByText('/spec/replicas')).toBeInTheDocument();
    expect(await expandButton()).toHaveAttribute('aria-expanded', 'true');
  });

  it('keeps a row the user closed closed while its status stays the same', async () => {
    const update = await renderTab();
    update(drifted);
    await screen.findByText('/spec/replicas');
    await userEvent.click(await expandButton());
    expect(await expandButton()).toHaveAttribute('aria-expanded', 'false');

    // Another update with the same status leaves the user's choice alone.
    update({ ...drifted, drift: { ...drifted.drift } });
    await screen.findByText('1 of 2 not in sync');
    expect(await expandButton()).toHaveAttribute('aria-expanded', 'false');
  });
});
