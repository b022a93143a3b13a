import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { pragmaticGitopsApiRef } from './api';
import {
  EntityDriftCard,
  EntityTrackCard,
  pragmaticGitopsPlugin,
} from './plugin';
import { mockPragmaticGitopsApi } from './__testUtils__/mockPragmaticGitopsApi';
import { rootRouteRef } from './routes';

jest.setTimeout(30_000);

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
};

describe('pragmaticGitopsPlugin', () => {
  it('registers the pragmatic-gitops API factory', () => {
    expect(pragmaticGitopsPlugin.getId()).toBe('pragmatic-gitops');
    expect(
      [...pragmaticGitopsPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual(['plugin.pragmatic-gitops.service']);
  });

  it('exposes the fleet page under its root route', () => {
    expect(pragmaticGitopsPlugin.routes).toEqual({ root: rootRouteRef });
    expect(String(rootRouteRef)).toContain('pragmatic-gitops');
  });

  it('provides entity cards that show the entity state when rendered', async () => {
    const api = mockPragmaticGitopsApi({
      getEntityStatus: async () => ({
        entityRef: 'component:default/payments',
        track: 'declarative',
        drift: { status: 'in-sync' },
        findings: [],
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[pragmaticGitopsApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityDriftCard />
          <EntityTrackCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect((await screen.findAllByText('In sync')).length).toBeGreaterThan(0);
    expect(await screen.findByText('Deployment track')).toBeInTheDocument();
    expect(api.getEntityStatus).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'payments' }),
    );
  });
});
