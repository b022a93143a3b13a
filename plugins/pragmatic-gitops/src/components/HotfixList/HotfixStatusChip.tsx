import { HotfixStatus } from '../../api/types';
import { StatusChip } from '../DriftStatusChip/StatusChip';
import { unknownAppearance } from '../DriftStatusChip/statusAppearance';
import { HOTFIX_STATUS_APPEARANCE } from './hotfixStatusAppearance';

/** A hotfix's status as a coloured chip with an icon. */
export function HotfixStatusChip(props: { status: HotfixStatus }) {
  return (
    <StatusChip
      appearance={
        HOTFIX_STATUS_APPEARANCE[props.status] ??
        unknownAppearance(props.status)
      }
      status={props.status}
      testId="pragmatic-gitops-hotfix-status-chip"
    />
  );
}
