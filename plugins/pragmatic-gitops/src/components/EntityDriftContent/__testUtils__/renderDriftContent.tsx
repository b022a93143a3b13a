/** Fixtures and a render helper shared by the EntityDriftContent tests. */
import { Entity } from '@backstage/catalog-model';
import { alertApiRef } from '@backstage/core-plugin-api';
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
import { screen, within } from '@testing-library/react';
import {
  ANNOTATION_TRACK,
  EntityGitopsStatus,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  EntityGitopsDetails,
  EntityHistory,
  PragmaticGitopsApi,
  pragmaticGitopsApiRef,
} from '../../../api';
import { mockPragmaticGitopsApi } from '../../../__testUtils__/mockPragmaticGitopsApi';
import { EntityDriftContent } from '../EntityDriftContent';

export const DAY = 24 * 60 * 60 * 1000;
export const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
export const SECRET = 's3cr3t-p4ssw0rd';

export function entityWith(track: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments',
      namespace: 'default',
      annotations: { [ANNOTATION_TRACK]: track },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

export const drifted: EntityGitopsStatus = {
  entityRef: 'component:default/payments',
  track: 'declarative',
  drift: {
    status: 'drifted',
    since: ago(3 * DAY + 60 * 60 * 1000),
    checkedAt: ago(2 * 60 * 1000),
    source: 'argocd:main/payments',
    observedAt: ago(5 * 60 * 1000),
    providerStatus: { sync: 'OutOfSync', health: 'Healthy' },
    resources: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: 'payments',
        name: 'payments-api',
        status: 'drifted',
        differences: [
          { path: '/spec/replicas', desired: 2, live: 5 },
          {
            path: '/spec/template/spec/containers/0/env/0/value',
            masked: true,
          },
          {
            path: '/metadata/labels/hotfix',
            live: 'true',
            removedFromGit: 'last-applied-configuration',
          },
        ],
        ignored: [
          {
            path: '/spec/template/metadata/annotations/restartedAt',
            reason: 'kubectl rollout restart',
            rule: 'default',
          },
        ],
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        namespace: 'payments',
        name: 'payments-api',
        status: 'in-sync',
        differences: [],
        ignored: [],
      },
    ],
  },
  findings: [],
};

export const history: EntityHistory = {
  entityRef: 'component:default/payments',
  transitions: [
    { from: null, to: 'in-sync', at: ago(10 * DAY) },
    { from: 'in-sync', to: 'drifted', reason: 'replicas', at: ago(3 * DAY) },
  ],
};

/** The status chip of the summary (the history shows chips too). */
export async function summaryChip() {
  return within(
    await screen.findByTestId('pragmatic-gitops-drift-status'),
  ).getByTestId('pragmatic-gitops-drift-status-chip');
}

/** An alert API that keeps what was posted. */
export function mockAlertApi() {
  return { post: jest.fn(), alert$: jest.fn() };
}

/**
 * Renders the GitOps tab of `entity` over a mock API answering `status`.
 * The entity has no hotfixes unless `more` says otherwise.
 */
export async function renderContent(
  entity: Entity,
  status: EntityGitopsStatus | EntityGitopsDetails | Error,
  refreshEntity?: () => Promise<EntityGitopsStatus>,
  more: Partial<PragmaticGitopsApi> = {},
  alertApi = mockAlertApi(),
) {
  const api = mockPragmaticGitopsApi({
    getEntityStatus: () =>
      status instanceof Error
        ? Promise.reject(status)
        : Promise.resolve(status),
    getEntityHistory: () => Promise.resolve(history),
    refreshEntity,
    listHotfixes: () => Promise.resolve({ items: [], totalItems: 0 }),
    ...more,
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [pragmaticGitopsApiRef, api],
        [alertApiRef, alertApi],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityDriftContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}
