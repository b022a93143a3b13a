import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { Hotfix } from '../../api/types';
import { formatDateTime } from '../../utils/time';
import { isRevertAlarm, RevertAlarm } from './RevertAlarm';
import { isOpen } from './sortHotfixes';

/** True when a revert is unacknowledged or a back-port is overdue. */
export function hasHotfixAlarms(hotfixes: Hotfix[]): boolean {
  return hotfixes.some(
    hotfix => isRevertAlarm(hotfix) || (isOpen(hotfix) && hotfix.overdue),
  );
}

function ids(hotfixes: Hotfix[]): string {
  return hotfixes.map(hotfix => hotfix.id).join(', ');
}

/**
 * The alarms of the ledger: a red banner for every hotfix the controller
 * reverted that nobody acknowledged yet (the fix is gone from production and
 * never reached Git), and an amber one when back-ports are overdue.
 * Nothing when all is well.
 */
export function HotfixBanners(props: {
  hotfixes: Hotfix[];
  /** The hotfix after an acknowledgement, to show at once. */
  onChanged: (hotfix: Hotfix) => void;
}) {
  const reverted = props.hotfixes.filter(isRevertAlarm);
  const overdue = props.hotfixes.filter(
    hotfix => isOpen(hotfix) && hotfix.overdue,
  );
  if (reverted.length === 0 && overdue.length === 0) {
    return null;
  }
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      {reverted.map(hotfix => (
        <RevertAlarm
          key={hotfix.id}
          hotfix={hotfix}
          onAcknowledged={props.onChanged}
        />
      ))}
      {overdue.length > 0 && (
        <Alert
          severity="warning"
          data-testid="pragmatic-gitops-hotfix-overdue-warning"
        >
          {overdue.length === 1
            ? `The back-port of ${
                overdue[0].id
              } is overdue since ${formatDateTime(overdue[0].backportDueAt)}: `
            : `The back-ports of ${ids(overdue)} are overdue: `}
          commit the change to Git with a{' '}
          <code>
            Backport-Of: {overdue.length === 1 ? overdue[0].id : 'HF-…'}
          </code>{' '}
          trailer, or abandon the hotfix with a reason.
        </Alert>
      )}
    </Box>
  );
}
