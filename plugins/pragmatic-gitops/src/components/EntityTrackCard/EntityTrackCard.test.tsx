import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import {
  ANNOTATION_SECRET_REFS,
  ANNOTATION_TRACK,
  EntityGitopsStatus,
  TRACK_DESCRIPTIONS,
  validateAnnotations,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  PragmaticGitopsApi,
  pragmaticGitopsApiRef,
} from '../../api/PragmaticGitopsApi';
import { mockPragmaticGitopsApi } from '../../__testUtils__/mockPragmaticGitopsApi';
import { EntityTrackCard } from './EntityTrackCard';

function entityWith(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments', namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

function statusOf(partial: Partial<EntityGitopsStatus>): EntityGitopsStatus {
  return {
    entityRef: 'component:default/payments',
    track: null,
    drift: { status: 'not-tracked' },
    findings: [],
    ...partial,
  };
}

async function renderCard(
  entity: Entity,
  getEntityStatus: PragmaticGitopsApi['getEntityStatus'],
) {
  const api = mockPragmaticGitopsApi({ getEntityStatus });
  await renderInTestApp(
    <TestApiProvider apis={[[pragmaticGitopsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityTrackCard />
      </EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

describe('EntityTrackCard', () => {
  it('shows the track chip and its description for a tracked entity', async () => {
    const api = await renderCard(entityWith({ [ANNOTATION_TRACK]: 'B' }), () =>
      Promise.resolve(
        statusOf({ track: 'operator', drift: { status: 'in-sync' } }),
      ),
    );

    const card = screen.getByTestId('pragmatic-gitops-track-card');
    expect(within(card).getByText('Deployment track')).toBeInTheDocument();
    const chip = screen.getByTestId('pragmatic-gitops-track-chip');
    expect(chip).toHaveTextContent('B · Operator-managed');
    expect(within(chip).getByText('Operator-managed')).toBeInTheDocument();
    expect(
      screen.getByText(TRACK_DESCRIPTIONS.operator.description),
    ).toBeInTheDocument();
    expect(await screen.findByText('No findings.')).toBeInTheDocument();
    expect(api.getEntityStatus).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('explains which annotation to add when the entity is not tracked', async () => {
    await renderCard(
      entityWith({ 'pragmatic-gitops.io/source-location': 'dir:../deploy' }),
      () => Promise.resolve(statusOf({})),
    );

    const guidance = screen.getByTestId('pragmatic-gitops-not-tracked');
    expect(
      within(guidance).getByText('Not tracked by Pragmatic GitOps'),
    ).toBeInTheDocument();
    expect(
      within(guidance).getAllByText(ANNOTATION_TRACK, { exact: false }).length,
    ).toBeGreaterThan(0);
    expect(guidance).toHaveTextContent(
      'declarative (A), operator (B), imperative (C)',
    );
    expect(
      screen.queryByTestId('pragmatic-gitops-track-chip'),
    ).not.toBeInTheDocument();
    expect(await screen.findByText('No findings.')).toBeInTheDocument();
  });

  it('names the invalid track annotation even when the backend fails', async () => {
    await renderCard(entityWith({ [ANNOTATION_TRACK]: 'gitops' }), () =>
      Promise.reject(new Error('backend unreachable')),
    );

    const invalid = screen.getByTestId('pragmatic-gitops-invalid-track');
    expect(invalid).toHaveTextContent(`Invalid annotation ${ANNOTATION_TRACK}`);
    expect(invalid).toHaveTextContent('"gitops" is not a track');
    expect(
      await screen.findByTestId('pragmatic-gitops-status-error'),
    ).toHaveTextContent('Could not load the findings: backend unreachable');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('lists other annotation problems while the backend is down', async () => {
    const annotations = {
      [ANNOTATION_TRACK]: 'A',
      [ANNOTATION_SECRET_REFS]: 'not-a-ref',
    };
    const [problem] = validateAnnotations(annotations);
    await renderCard(entityWith(annotations), () =>
      Promise.reject(new Error('backend unreachable')),
    );

    expect(screen.getByText(problem.message)).toBeInTheDocument();
    expect(
      await screen.findByTestId('pragmatic-gitops-status-error'),
    ).toHaveTextContent('Could not load the findings: backend unreachable');
  });

  it('lists backend findings once, most severe first', async () => {
    const annotations = {
      [ANNOTATION_TRACK]: 'declarative',
      [ANNOTATION_SECRET_REFS]: 'not-a-ref',
    };
    const [problem] = validateAnnotations(annotations);
    await renderCard(entityWith(annotations), () =>
      Promise.resolve(
        statusOf({
          track: 'declarative',
          drift: { status: 'drifted' },
          findings: [
            {
              severity: 'warning',
              code: 'stateful-in-declarative-track',
              message: 'Stateful resources in a declarative track',
              location: 'StatefulSet/postgres',
            },
            {
              severity: 'error',
              code: 'invalid-annotation',
              message: problem.message,
            },
            {
              severity: 'critical',
              code: 'plaintext-secret-in-git',
              message: 'Plaintext Secret committed to Git',
              location: 'deploy/secret.yaml',
            },
          ],
        }),
      ),
    );

    await waitFor(() =>
      expect(screen.getAllByTestId('pragmatic-gitops-finding')).toHaveLength(3),
    );
    const rows = screen.getAllByTestId('pragmatic-gitops-finding');
    expect(rows.map(row => row.getAttribute('data-severity'))).toEqual([
      'critical',
      'error',
      'warning',
    ]);
    expect(rows[0]).toHaveTextContent('Plaintext Secret committed to Git');
    expect(rows[0]).toHaveTextContent(
      'Critical · plaintext-secret-in-git · deploy/secret.yaml',
    );
    expect(rows[1]).toHaveTextContent(problem.message);
    expect(rows[2]).toHaveTextContent(
      'Stateful resources in a declarative track',
    );
    expect(screen.getAllByText(problem.message)).toHaveLength(1);
  });

  it('shows the backend error in an error panel', async () => {
    await renderCard(entityWith({ [ANNOTATION_TRACK]: 'imperative' }), () =>
      Promise.reject(
        new Error('Request failed with 500 Internal Server Error'),
      ),
    );

    expect(
      await screen.findByTestId('pragmatic-gitops-status-error'),
    ).toHaveTextContent(
      'Could not load the findings: Request failed with 500 Internal Server Error',
    );
    expect(screen.getByTestId('pragmatic-gitops-track-chip')).toHaveTextContent(
      'C · Imperative',
    );
    expect(screen.queryByText('No findings.')).not.toBeInTheDocument();
  });
});
