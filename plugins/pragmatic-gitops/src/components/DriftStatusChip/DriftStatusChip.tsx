import { DriftStatus } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { StatusChip } from './StatusChip';
import { DRIFT_STATUS_APPEARANCE, unknownAppearance } from './statusAppearance';

/** @public */
export interface DriftStatusChipProps {
  status: DriftStatus;
  size?: 'small' | 'medium';
  /**
   * False inside something already focusable (a button): the chip then
   * takes no tab stop of its own. True by default, so its explanation is
   * reachable by keyboard.
   */
  focusable?: boolean;
}

/**
 * An entity's drift status as a coloured chip with an icon: in sync (green),
 * drifted (red), explained (blue), pending (amber), unknown and not tracked
 * (grey).
 *
 * @public
 */
export function DriftStatusChip(props: DriftStatusChipProps) {
  return (
    <StatusChip
      appearance={
        DRIFT_STATUS_APPEARANCE[props.status] ?? unknownAppearance(props.status)
      }
      status={props.status}
      size={props.size}
      focusable={props.focusable}
      testId="pragmatic-gitops-drift-status-chip"
    />
  );
}
