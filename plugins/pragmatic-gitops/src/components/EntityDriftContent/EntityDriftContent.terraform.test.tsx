import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityGitopsStatus } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  ago,
  DAY,
  entityWith,
  renderContent,
  SECRET,
} from './__testUtils__/renderDriftContent';

const MASKED = '(secret value hidden)';

const planned: EntityGitopsStatus = {
  entityRef: 'component:default/payments',
  track: 'imperative',
  drift: {
    status: 'pending',
    since: ago(DAY),
    liveSource: 'github-actions/edge-cdn-plan',
    pending: {
      terraform: [
        {
          address: 'cloudflare_ruleset.cache',
          type: 'cloudflare_ruleset',
          actions: ['update'],
          changes: [
            {
              path: '/rules/0/action_parameters/edge_ttl/default',
              desired: 14400,
              live: 3600,
            },
            // A misbehaving backend sends the value: it must still not be rendered.
            { path: '/api_token', desired: SECRET, live: SECRET, masked: true },
            {
              path: '/last_updated',
              desired: '2026-11-12T16:20:05Z',
              knownAfterApply: true,
            },
          ],
        },
      ],
      terraformPlanSource: {
        source: 'github-actions/edge-cdn-plan',
        runUrl: 'https://ci.example.com/edge-cdn/runs/4211',
      },
    },
    resources: [
      {
        apiVersion: 'terraform',
        kind: 'cloudflare_ruleset',
        name: 'cloudflare_ruleset.waf_custom',
        status: 'drifted',
        sides: 'applied-real',
        differences: [
          {
            path: '/rules/0/action',
            desired: 'managed_challenge',
            live: 'block',
          },
        ],
        ignored: [],
      },
    ],
  },
  findings: [],
};

describe('EntityDriftContent (Terraform)', () => {
  it('shows each planned attribute current → planned, sensitive ones hidden, with the plan source and the next step', async () => {
    await renderContent(entityWith('imperative'), planned);

    const pending = await screen.findByTestId('pragmatic-gitops-pending');
    const attributes = within(pending).getAllByTestId(
      'pragmatic-gitops-attribute-change',
    );
    expect(attributes.map(a => a.textContent)).toEqual([
      'rules[0].action_parameters.edge_ttl.default 14400 → 3600',
      'api_token (sensitive, hidden) → (sensitive, hidden)',
      'last_updated "2026-11-12T16:20:05Z" → (known after apply)',
    ]);
    expect(within(pending).getByText('Current → planned')).toBeInTheDocument();
    expect(pending).not.toHaveTextContent(SECRET);
    expect(pending).not.toHaveTextContent(MASKED);

    expect(
      within(pending).getByTestId('pragmatic-gitops-plan-source'),
    ).toHaveTextContent(
      'Plan from github-actions/edge-cdn-plan · pipeline run',
    );
    expect(
      within(pending).getByRole('link', { name: 'pipeline run' }),
    ).toHaveAttribute('href', 'https://ci.example.com/edge-cdn/runs/4211');
    expect(
      within(pending).getByTestId('pragmatic-gitops-next-step'),
    ).toHaveTextContent('Next step: run the apply pipeline');
  });

  it('labels a refresh difference last applied against real infrastructure, never Git against live', async () => {
    await renderContent(entityWith('imperative'), planned);

    const resources = await screen.findByTestId('pragmatic-gitops-resources');
    const difference = within(resources).getByTestId(
      'pragmatic-gitops-difference',
    );
    expect(within(difference).getByText('Last applied')).toBeInTheDocument();
    expect(
      within(difference).getByText('Real infrastructure'),
    ).toBeInTheDocument();
    expect(within(difference).queryByText('Git')).not.toBeInTheDocument();
    expect(within(difference).queryByText('Live')).not.toBeInTheDocument();
  });

  it('names resources and sources in Terraform words: type, address, configuration and state', async () => {
    await renderContent(entityWith('imperative'), {
      ...planned,
      drift: {
        ...planned.drift,
        gitSource: 'url:https://github.com/acme/edge-cdn/tree/main/terraform',
      },
    });

    const resources = await screen.findByTestId('pragmatic-gitops-resources');
    const headers = within(resources)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Type', 'Address']));
    expect(headers).not.toContain('Namespace/name');
    expect(headers).not.toContain('Kind');
    expect(
      within(resources).getByText('cloudflare_ruleset.waf_custom'),
    ).toBeInTheDocument();

    expect(screen.getByTestId('pragmatic-gitops-git-source')).toHaveTextContent(
      'Configuration fromhttps://github.com/acme/edge-cdn/tree/main/terraform',
    );
    expect(
      screen.getByTestId('pragmatic-gitops-live-source'),
    ).toHaveTextContent('State fromgithub-actions/edge-cdn-plan');
    expect(screen.queryByText('Desired state from')).not.toBeInTheDocument();
    expect(screen.queryByText('Live state from')).not.toBeInTheDocument();
  });

  it('shows the first attributes of a large create, all of them on demand', async () => {
    const changes = Array.from({ length: 12 }, (_, i) => ({
      path: `/attribute_${i}`,
      live: i,
    }));
    await renderContent(entityWith('imperative'), {
      ...planned,
      drift: {
        ...planned.drift,
        resources: [],
        pending: {
          terraform: [
            {
              address: 'aws_s3_bucket.exports',
              type: 'aws_s3_bucket',
              actions: ['create'],
              changes,
            },
          ],
        },
      },
    });

    const pending = await screen.findByTestId('pragmatic-gitops-pending');
    expect(
      within(pending).getAllByTestId('pragmatic-gitops-attribute-change'),
    ).toHaveLength(8);
    expect(
      within(pending).getAllByTestId('pragmatic-gitops-attribute-change')[0],
    ).toHaveTextContent('attribute_0 (not set) → 0');
    // No source was pushed with this plan: only the next step.
    expect(
      within(pending).queryByRole('link', { name: 'pipeline run' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(pending).getByRole('button', { name: 'Show all 12 attributes' }),
    );
    expect(
      within(pending).getAllByTestId('pragmatic-gitops-attribute-change'),
    ).toHaveLength(12);
  });
});
