import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  EntityGitopsDetails,
  pragmaticGitopsApiRef,
  SecretRef,
} from '../../api';
import { mockPragmaticGitopsApi } from '../../__testUtils__/mockPragmaticGitopsApi';
import { ago, DAY } from '../../__testUtils__/hotfixFixtures';
import { EntitySecretRefsCard } from './EntitySecretRefsCard';

const SECRET = 'hunter2-s3cr3t';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
};

const secretRefs: SecretRef[] = [
  {
    store: { kind: 'vault', name: 'prod' },
    key: 'kv/payments/db',
    property: 'password',
    via: 'ExternalSecret',
    usedBy: [
      { kind: 'Deployment', name: 'payments-api', container: 'api' },
      { kind: 'CronJob', name: 'payments-reconcile' },
    ],
    resolution: { status: 'exists', version: 3, updatedAt: ago(2 * DAY) },
  },
  {
    store: { kind: 'vault' },
    key: 'kv/payments/stripe',
    via: 'vault-agent-injector',
    usedBy: [{ kind: 'Deployment', name: 'payments-api' }],
    resolution: { status: 'missing' },
  },
  {
    store: { kind: 'aws-sm' },
    key: 'payments/reporting',
    via: 'annotation',
    usedBy: [],
    resolution: { status: 'unchecked' },
  },
  {
    store: { kind: 'vault', name: 'eu' },
    key: 'kv/payments/kafka',
    property: 'sasl',
    via: 'SecretProviderClass',
    usedBy: [{ kind: 'StatefulSet', name: 'ledger', container: 'ledger' }],
    resolution: { status: 'error', reason: 'vault eu: permission denied' },
  },
];

async function renderCard(status: EntityGitopsDetails) {
  const api = mockPragmaticGitopsApi({
    getEntityStatus: () => Promise.resolve(status),
  });
  await renderInTestApp(
    <TestApiProvider apis={[[pragmaticGitopsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntitySecretRefsCard />
      </EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

const status = (refs?: SecretRef[]): EntityGitopsDetails => ({
  entityRef: 'component:default/payments',
  track: 'declarative',
  drift: { status: 'in-sync' },
  findings: [],
  secretRefs: refs,
});

describe('EntitySecretRefsCard', () => {
  it('lists each reference with its store, users and resolution', async () => {
    const api = await renderCard(status(secretRefs));

    const rows = await screen.findAllByTestId('pragmatic-gitops-secret-ref');
    expect(rows.map(row => row.getAttribute('data-ref'))).toEqual([
      'vault/prod:kv/payments/db#password',
      'vault:kv/payments/stripe',
      'aws-sm:payments/reporting',
      'vault/eu:kv/payments/kafka#sasl',
    ]);
    expect(api.getEntityStatus).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments',
    });
    expect(rows[0]).toHaveTextContent('ExternalSecret');
    expect(rows[0]).toHaveTextContent(
      'Deployment payments-api · container api',
    );
    expect(rows[0]).toHaveTextContent('CronJob payments-reconcile');
    const resolutions = rows.map(row =>
      within(row).getByTestId('pragmatic-gitops-secret-resolution'),
    );
    expect(resolutions.map(r => r.getAttribute('data-status'))).toEqual([
      'exists',
      'missing',
      'unchecked',
      'error',
    ]);
    expect(resolutions[0]).toHaveTextContent('exists · v3');
    expect(rows[0]).toHaveTextContent('updated 2 days ago');
    expect(resolutions[1]).toHaveTextContent('missing');
    expect(resolutions[2]).toHaveTextContent('unchecked');
    expect(resolutions[3]).toHaveTextContent('check failed');
    expect(
      screen.getByText('4 references · 1 missing · 1 not checked (error)'),
    ).toBeInTheDocument();
  });

  it('gives the reason of a failed check in a tooltip', async () => {
    await renderCard(status(secretRefs));

    const rows = await screen.findAllByTestId('pragmatic-gitops-secret-ref');
    const cell = within(rows[3]).getByTestId(
      'pragmatic-gitops-secret-resolution-cell',
    );
    expect(cell).toHaveAttribute('title', 'vault eu: permission denied');

    await userEvent.hover(cell);
    await waitFor(() =>
      expect(screen.getByRole('tooltip')).toHaveTextContent(
        'vault eu: permission denied',
      ),
    );
  });

  it('never renders anything but the fields of a reference', async () => {
    // A misbehaving backend that sends a value along: it must not show.
    const leaky = secretRefs.map(ref => ({
      ...ref,
      value: SECRET,
      data: { password: SECRET },
      resolution: { ...ref.resolution, value: SECRET },
    })) as unknown as SecretRef[];
    await renderCard(status(leaky));

    await screen.findAllByTestId('pragmatic-gitops-secret-ref');
    expect(document.body).not.toHaveTextContent(SECRET);
  });

  it('says when the entity references no secret', async () => {
    await renderCard(status(undefined));

    expect(
      await screen.findByText(/No secret references found/),
    ).toHaveTextContent('pragmatic-gitops.io/secret-refs');
  });
});
