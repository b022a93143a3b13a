import { ResourceDriftStatus } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { StatusChip } from './StatusChip';
import {
  RESOURCE_STATUS_APPEARANCE,
  unknownAppearance,
} from './statusAppearance';

/** One resource's drift status (in sync, drifted, missing, extra) as a chip. */
export function ResourceStatusChip(props: { status: ResourceDriftStatus }) {
  return (
    <StatusChip
      appearance={
        RESOURCE_STATUS_APPEARANCE[props.status] ??
        unknownAppearance(props.status)
      }
      status={props.status}
      testId="pragmatic-gitops-resource-status-chip"
    />
  );
}
