import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ANNOTATION_TRACK } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  ago,
  DAY,
  drifted,
  entityWith,
  renderContent,
  SECRET,
  summaryChip,
} from './__testUtils__/renderDriftContent';

describe('EntityDriftContent', () => {
  it('shows what drifted in a declarative entity, never a secret value', async () => {
    const api = await renderContent(entityWith('declarative'), {
      ...drifted,
      drift: {
        ...drifted.drift,
        // A misbehaving backend: the value must still not be rendered.
        resources: drifted.drift.resources!.map(r => ({
          ...r,
          differences: r.differences.map(d =>
            d.masked ? { ...d, desired: SECRET, live: SECRET } : d,
          ),
        })),
      },
    });

    const summary = await screen.findByTestId('pragmatic-gitops-drift-status');
    expect(
      within(summary).getByTestId('pragmatic-gitops-drift-status-chip'),
    ).toHaveTextContent('Drifted');
    expect(
      within(summary).getByTestId('pragmatic-gitops-drift-since'),
    ).toHaveTextContent('Drifted for 3 days');
    expect(summary).toHaveTextContent('2 minutes ago');
    expect(summary).toHaveTextContent('argocd:main/payments');
    expect(
      within(summary).getByTestId('pragmatic-gitops-provider-sync'),
    ).toHaveTextContent('OutOfSync');
    expect(
      within(summary).getByTestId('pragmatic-gitops-provider-health'),
    ).toHaveTextContent('Healthy');

    const resources = screen.getByTestId('pragmatic-gitops-resources');
    const rows = within(resources).getAllByTestId('pragmatic-gitops-resource');
    expect(rows.map(row => row.getAttribute('data-resource'))).toEqual([
      'Deployment/payments/payments-api',
      'Service/payments/payments-api',
    ]);
    expect(rows[0]).toHaveTextContent('Drifted');
    const differences = within(resources).getAllByTestId(
      'pragmatic-gitops-difference',
    );
    expect(differences).toHaveLength(3);
    expect(differences[0]).toHaveTextContent('/spec/replicas');
    expect(
      within(differences[0]).getByTestId('pragmatic-gitops-difference-desired'),
    ).toHaveTextContent('2');
    expect(
      within(differences[0]).getByTestId('pragmatic-gitops-difference-live'),
    ).toHaveTextContent('5');
    expect(
      within(differences[1]).getByTestId('pragmatic-gitops-masked-badge'),
    ).toHaveTextContent('secret value hidden');
    expect(
      within(differences[1]).queryByTestId('pragmatic-gitops-difference-live'),
    ).not.toBeInTheDocument();
    expect(
      within(differences[2]).getByTestId('pragmatic-gitops-removed-badge'),
    ).toHaveTextContent('removed from Git');
    expect(differences[2]).toHaveTextContent('absent');
    expect(
      within(resources).getByTestId('pragmatic-gitops-ignored-difference'),
    ).toHaveTextContent('kubectl rollout restart (rule: default)');
    expect(document.body).not.toHaveTextContent(SECRET);

    const transitions = within(
      await screen.findByTestId('pragmatic-gitops-history'),
    ).getAllByTestId('pragmatic-gitops-transition');
    expect(transitions).toHaveLength(2);
    expect(transitions[0]).toHaveTextContent('Drifted');
    expect(transitions[0]).toHaveTextContent('from in sync · 3 days ago');
    expect(transitions[0]).toHaveTextContent('replicas');
    expect(transitions[1]).toHaveTextContent('tracking began · last week');
    expect(api.getEntityHistory).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('names the source of each resource and shows a suspended Flux controller', async () => {
    await renderContent(entityWith('declarative'), {
      ...drifted,
      drift: {
        ...drifted.drift,
        source: 'dir:deploy ↔ kubernetes:prod-eu, push:ci',
        providerStatus: {
          revision: 'main@sha1:4f2a',
          health: 'False',
          message: 'kustomization path not found',
          suspended: 'true',
        },
        resources: drifted.drift.resources!.map((r, i) => ({
          ...r,
          source: i === 0 ? 'kubernetes:prod-eu' : 'push:ci',
        })),
      },
    });
    const summary = await screen.findByTestId('pragmatic-gitops-drift-status');
    expect(
      within(summary).getByTestId('pragmatic-gitops-provider-revision'),
    ).toHaveTextContent('main@sha1:4f2a');
    expect(
      within(summary).getByTestId('pragmatic-gitops-provider-message'),
    ).toHaveTextContent('kustomization path not found');
    expect(
      within(summary).getByTestId('pragmatic-gitops-provider-suspended'),
    ).toHaveTextContent('true');
    const sources = within(
      screen.getByTestId('pragmatic-gitops-resources'),
    ).getAllByTestId('pragmatic-gitops-resource-source');
    expect(sources.map(s => s.textContent)).toEqual([
      'from kubernetes:prod-eu',
      'from push:ci',
    ]);
  });

  it('expands an in-sync resource to list what was ignored', async () => {
    await renderContent(entityWith('A'), drifted);

    const service = (
      await screen.findAllByTestId('pragmatic-gitops-resource')
    )[1];
    expect(
      screen.getAllByTestId('pragmatic-gitops-resource-details'),
    ).toHaveLength(1);
    await userEvent.click(
      within(service).getByRole('button', {
        name: 'Expand Service payments/payments-api',
      }),
    );
    expect(
      screen.getAllByTestId('pragmatic-gitops-resource-details'),
    ).toHaveLength(2);
    expect(screen.getByText('No differences.')).toBeInTheDocument();
  });

  it('shows pending Terraform changes and migrations of an imperative entity', async () => {
    await renderContent(entityWith('imperative'), {
      entityRef: 'component:default/payments',
      track: 'imperative',
      drift: {
        status: 'pending',
        since: ago(DAY + 1000),
        source: 'push',
        pending: {
          terraform: [
            {
              address: 'aws_db_instance.payments',
              type: 'aws_db_instance',
              actions: ['update'],
            },
            {
              address: 'aws_s3_bucket.exports',
              type: 'aws_s3_bucket',
              actions: ['delete', 'create'],
            },
          ],
          migrations: { notApplied: ['0042_add_refunds.sql'] },
        },
      },
      findings: [],
    });

    expect(
      await screen.findByTestId('pragmatic-gitops-drift-since'),
    ).toHaveTextContent('Pending for 1 day');
    const pending = screen.getByTestId('pragmatic-gitops-pending');
    const changes = within(pending).getAllByTestId(
      'pragmatic-gitops-terraform-change',
    );
    expect(changes).toHaveLength(2);
    expect(changes[0]).toHaveTextContent('aws_db_instance.payments');
    expect(
      within(changes[1])
        .getAllByTestId('pragmatic-gitops-terraform-action')
        .map(chip => chip.textContent),
    ).toEqual(['delete', 'create']);
    expect(
      within(pending).getByTestId('pragmatic-gitops-migrations'),
    ).toHaveTextContent('0042_add_refunds.sql');
    expect(
      screen.queryByTestId('pragmatic-gitops-resources'),
    ).not.toBeInTheDocument();
  });

  it('gives the reason of an unknown status', async () => {
    await renderContent(entityWith('declarative'), {
      entityRef: 'component:default/payments',
      track: 'declarative',
      drift: {
        status: 'unknown',
        reason: 'Argo CD instance "main" is unreachable: ECONNREFUSED',
        checkedAt: ago(60 * 1000),
      },
      findings: [
        {
          severity: 'warning',
          code: 'provider-down',
          message: 'Provider down',
        },
      ],
    });

    expect(await summaryChip()).toHaveTextContent('Unknown');
    expect(
      screen.getByTestId('pragmatic-gitops-drift-reason'),
    ).toHaveTextContent('Argo CD instance "main" is unreachable: ECONNREFUSED');
    expect(screen.getByTestId('pragmatic-gitops-finding')).toHaveTextContent(
      'Provider down',
    );
    expect(screen.getByTestId('pragmatic-gitops-resources')).toHaveTextContent(
      'No resources have been compared yet.',
    );
  });

  it('explains the annotation when the entity is not tracked', async () => {
    await renderContent(entityWith('declarative'), {
      entityRef: 'component:default/payments',
      track: null,
      drift: { status: 'not-tracked' },
      findings: [],
    });

    const empty = await screen.findByTestId(
      'pragmatic-gitops-drift-not-tracked',
    );
    expect(empty).toHaveTextContent('Not tracked by Pragmatic GitOps');
    expect(empty).toHaveTextContent(ANNOTATION_TRACK);
    expect(
      screen.queryByTestId('pragmatic-gitops-drift-status'),
    ).not.toBeInTheDocument();
  });

  it('shows a loading error in an error panel', async () => {
    await renderContent(entityWith('A'), new Error('backend unreachable'));

    const content = screen.getByTestId('pragmatic-gitops-drift-content');
    await waitFor(() =>
      expect(content).toHaveTextContent('Error: backend unreachable'),
    );
  });
});
