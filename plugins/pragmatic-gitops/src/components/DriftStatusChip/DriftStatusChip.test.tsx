import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  DRIFT_STATUSES,
  DriftStatus,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { DriftStatusChip } from './DriftStatusChip';
import { ResourceStatusChip } from './ResourceStatusChip';

describe('DriftStatusChip', () => {
  it.each([
    ['in-sync', 'In sync'],
    ['drifted', 'Drifted'],
    ['explained', 'Explained'],
    ['pending', 'Pending'],
    ['unknown', 'Unknown'],
    ['not-tracked', 'Not tracked'],
  ] as Array<[DriftStatus, string]>)(
    'labels %s as %s',
    async (status, label) => {
      await renderInTestApp(<DriftStatusChip status={status} />);
      const chip = screen.getByTestId('pragmatic-gitops-drift-status-chip');
      expect(chip).toHaveTextContent(label);
      expect(chip).toHaveAttribute('data-status', status);
      expect(chip.querySelector('svg')).not.toBeNull();
    },
  );

  it('covers every status the common package knows', async () => {
    await renderInTestApp(
      <>
        {DRIFT_STATUSES.map(status => (
          <DriftStatusChip key={status} status={status} />
        ))}
      </>,
    );
    expect(
      screen.getAllByTestId('pragmatic-gitops-drift-status-chip'),
    ).toHaveLength(DRIFT_STATUSES.length);
  });

  it('shows a status it does not know as is', async () => {
    await renderInTestApp(
      <DriftStatusChip status={'sideways' as DriftStatus} />,
    );
    expect(
      screen.getByTestId('pragmatic-gitops-drift-status-chip'),
    ).toHaveTextContent('sideways');
  });
});

describe('ResourceStatusChip', () => {
  it('labels missing and extra resources', async () => {
    await renderInTestApp(
      <>
        <ResourceStatusChip status="missing" />
        <ResourceStatusChip status="extra" />
      </>,
    );
    const chips = screen.getAllByTestId(
      'pragmatic-gitops-resource-status-chip',
    );
    expect(chips.map(chip => chip.textContent)).toEqual(['Missing', 'Extra']);
  });
});
