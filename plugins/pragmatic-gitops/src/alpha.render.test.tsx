import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import {
  EntityContentBlueprint,
  EntityCardBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import { Overview } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import plugin, {
  entityDriftCard,
  entityGitopsContent,
  fleetOverviewPage,
  pragmaticGitopsApi,
} from './alpha';
import { PragmaticGitopsClient, pragmaticGitopsApiRef } from './api';
import { mockPragmaticGitopsApi } from './__testUtils__/mockPragmaticGitopsApi';
import { catalogWithGroups } from './__testUtils__/catalogGroups';
import {
  drifted,
  entityWith,
  history,
} from './components/EntityDriftContent/__testUtils__/renderDriftContent';

// Extensions load lazily and render whole pages in jsdom.
jest.setTimeout(30_000);
const LOADED = { timeout: 10_000 };

const overview: Overview = {
  totals: { byTrack: { declarative: 1 }, byStatus: { drifted: 1 } },
  items: [
    {
      entityRef: 'component:default/payments',
      title: 'Payments API',
      owner: 'group:default/team-payments',
      track: 'declarative',
      status: 'drifted',
      since: '2026-01-02T00:00:00.000Z',
    },
  ],
  totalItems: 1,
};

function mockApi() {
  return mockPragmaticGitopsApi({
    getEntityStatus: async () => drifted,
    getEntityHistory: async () => history,
    getOverview: async () => overview,
    listHotfixes: async () => ({ items: [], totalItems: 0 }),
  });
}

/**
 * The extensions are exported with their parameters erased, so the data they
 * output is read untyped.
 */
function entityFilterOf(value: unknown) {
  return value as (entity: Entity) => boolean;
}

const untracked: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing', namespace: 'default' },
};

describe('pragmatic-gitops alpha extensions, rendered', () => {
  it('renders the GitOps entity tab for a tracked entity, from the backend', async () => {
    const tester = createExtensionTester(entityGitopsContent);
    const filter = entityFilterOf(
      tester.get(EntityContentBlueprint.dataRefs.filterFunction),
    );
    expect(filter(entityWith('A'))).toBe(true);
    expect(filter(untracked)).toBe(false);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('GitOps');

    const api = mockApi();
    renderInTestApp(
      <EntityProvider entity={entityWith('A')}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [[pragmaticGitopsApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    const status = await screen.findByTestId(
      'pragmatic-gitops-drift-status',
      {},
      LOADED,
    );
    expect(await within(status).findByText('Drifted')).toBeInTheDocument();
    expect(await screen.findByText('/spec/replicas')).toBeInTheDocument();
    expect(api.getEntityStatus).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('renders the drift card on entity overview pages', async () => {
    const tester = createExtensionTester(entityDriftCard);
    const filter = entityFilterOf(
      tester.get(EntityCardBlueprint.dataRefs.filterFunction),
    );
    expect(filter(entityWith('operator'))).toBe(true);
    expect(filter(untracked)).toBe(false);

    renderInTestApp(
      <EntityProvider entity={entityWith('A')}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [[pragmaticGitopsApiRef, mockApi()]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    const card = await screen.findByTestId(
      'pragmatic-gitops-drift-card',
      {},
      LOADED,
    );
    expect(await within(card).findByText('Drifted')).toBeInTheDocument();
    expect(within(card).getByText('See GitOps tab')).toBeInTheDocument();
  });

  it('renders the fleet page with the fleet from the backend', async () => {
    const tester = createExtensionTester(fleetOverviewPage);
    renderInTestApp(tester.reactElement(), {
      apis: [[pragmaticGitopsApiRef, mockApi()], catalogWithGroups()],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    const fleet = await screen.findByTestId(
      'pragmatic-gitops-fleet',
      {},
      LOADED,
    );
    expect(await within(fleet).findByText('Entities (1)')).toBeInTheDocument();
    const [link] = await within(fleet).findAllByRole('link', {
      name: /payments$/,
    });
    expect(link).toHaveAttribute('href', '/catalog/default/component/payments');
  });

  it('serves the fleet page at /pragmatic-gitops when the whole plugin is installed', async () => {
    renderTestApp({
      features: [plugin],
      initialRouteEntries: ['/pragmatic-gitops'],
      apis: [[pragmaticGitopsApiRef, mockApi()], catalogWithGroups()],
    });

    expect(
      await screen.findByTestId('pragmatic-gitops-fleet', {}, LOADED),
    ).toBeInTheDocument();
  });

  it('provides the HTTP client as the API', () => {
    const factory = createExtensionTester(pragmaticGitopsApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(pragmaticGitopsApiRef.id);
    const client = factory.factory({
      discoveryApi: { getBaseUrl: async () => '' },
      fetchApi: { fetch },
    });
    expect(client).toBeInstanceOf(PragmaticGitopsClient);
  });
});
