import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import * as index from './index';
import { mockPragmaticGitopsApi } from './__testUtils__/mockPragmaticGitopsApi';
import { hotfix } from './__testUtils__/hotfixFixtures';

jest.setTimeout(30_000);

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
};

/** What an app gets from the package entry point, rendered the way an app renders it. */
async function renderExported(element: JSX.Element) {
  const api = mockPragmaticGitopsApi({
    getEntityStatus: async () => ({
      entityRef: 'component:default/payments',
      track: 'declarative',
      drift: { status: 'in-sync' },
      findings: [],
      secretRefs: [
        {
          store: { kind: 'vault', name: 'prod' },
          key: 'kv/payments/db',
          via: 'ExternalSecret',
          usedBy: [],
          resolution: { status: 'exists' },
        },
      ],
    }),
    listHotfixes: async () => ({
      items: [hotfix({ id: 'HF-7', title: 'Scale payments to 5 replicas' })],
      totalItems: 1,
    }),
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [index.pragmaticGitopsApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('package exports', () => {
  it('exports a hotfixes card that lists the entity hotfixes', async () => {
    await renderExported(<index.EntityHotfixesCard />);
    expect(
      await screen.findByText('Scale payments to 5 replicas'),
    ).toBeInTheDocument();
  });

  it('exports a secret references card that lists where secrets come from', async () => {
    await renderExported(<index.EntitySecretRefsCard />);
    expect(await screen.findByText('kv/payments/db')).toBeInTheDocument();
  });

  it('exports the hotfix statuses in lifecycle order', () => {
    expect(index.HOTFIX_STATUSES).toEqual([
      'pending-backport',
      'backported',
      'reverted',
      'abandoned',
    ]);
  });
});
