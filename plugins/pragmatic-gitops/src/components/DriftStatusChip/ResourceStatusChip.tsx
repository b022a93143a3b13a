import { ResourceDriftStatus } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { StatusChip } from './StatusChip';
import {
  DRIFT_STATUS_APPEARANCE,
  RESOURCE_STATUS_APPEARANCE,
  unknownAppearance,
} from './statusAppearance';

/**
 * One resource's drift status (in sync, drifted, missing, extra) as a chip.
 * A resource whose every difference an open hotfix explains is "Explained",
 * as its entity is: one story per entity.
 */
export function ResourceStatusChip(props: {
  status: ResourceDriftStatus;
  explained?: boolean;
}) {
  const explained = props.explained && props.status !== 'in-sync';
  return (
    <StatusChip
      appearance={
        explained
          ? DRIFT_STATUS_APPEARANCE.explained
          : RESOURCE_STATUS_APPEARANCE[props.status] ??
            unknownAppearance(props.status)
      }
      status={explained ? 'explained' : props.status}
      testId="pragmatic-gitops-resource-status-chip"
    />
  );
}
