/** Fixtures and a render helper shared by the hotfix card tests. */
import { Entity } from '@backstage/catalog-model';
import { alertApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { PragmaticGitopsApi, pragmaticGitopsApiRef } from '../../../api';
import { Hotfix } from '../../../api/types';
import { mockPragmaticGitopsApi } from '../../../__testUtils__/mockPragmaticGitopsApi';
import { DAY, HOUR, ago, hotfix } from '../../../__testUtils__/hotfixFixtures';
import { EntityHotfixesCard } from '../EntityHotfixesCard';

export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
};

export const PR = 'https://github.com/org/deploy/pull/9';

export const hotfixes: Hotfix[] = [
  hotfix({
    id: 'HF-1',
    title: 'Raise the memory limit',
    status: 'backported',
    appliedAt: ago(9 * DAY),
    events: [
      { type: 'recorded', actor: 'user:default/jane', at: ago(9 * DAY) },
      {
        type: 'backported',
        at: ago(8 * DAY),
        detail: { url: PR, via: 'trailer', revision: 'abc123' },
      },
    ],
  }),
  hotfix({
    id: 'HF-2',
    title: 'Scale payments-api to 5 replicas',
    incidentUrl: 'https://incidents.example.com/INC-7',
    appliedAt: ago(4 * DAY),
    overdue: true,
    backportDueAt: ago(DAY),
  }),
  hotfix({
    id: 'HF-3',
    title: 'Turn off the fast path',
    status: 'reverted',
    appliedAt: ago(3 * DAY),
  }),
  hotfix({
    id: 'HF-4',
    title: 'Patch the ingress timeout',
    status: 'abandoned',
    appliedAt: ago(2 * DAY),
  }),
  hotfix({ id: 'HF-5', title: 'Bump the pool size', appliedAt: ago(HOUR) }),
];

/**
 * The entity's hotfix card over a mocked API; the user may update its
 * hotfixes unless `permission` says otherwise.
 */
export async function renderCard(
  implementation: Partial<PragmaticGitopsApi> = {},
  options: { permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {},
) {
  const api = mockPragmaticGitopsApi({
    listHotfixes: () =>
      Promise.resolve({ items: hotfixes, totalItems: hotfixes.length }),
    ...implementation,
  });
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const permissionApi = mockApis.permission({
    authorize: options.permission ?? AuthorizeResult.ALLOW,
  });
  jest.spyOn(permissionApi, 'authorize');
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [pragmaticGitopsApiRef, api],
        [alertApiRef, alertApi],
        [permissionApiRef, permissionApi],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityHotfixesCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { api, alertApi, permissionApi };
}

export async function row(id: string) {
  const rows = await screen.findAllByTestId('pragmatic-gitops-hotfix');
  const found = rows.find(r => r.getAttribute('data-hotfix') === id);
  if (!found) {
    throw new Error(`No row for ${id}`);
  }
  return found;
}
