import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { Hotfix } from '../../api/types';
import { formatDateTime } from '../../utils/time';
import { isOpen } from './sortHotfixes';

/** True when a hotfix was reverted or a back-port is overdue. */
export function hasHotfixAlarms(hotfixes: Hotfix[]): boolean {
  return hotfixes.some(
    hotfix =>
      hotfix.status === 'reverted' || (isOpen(hotfix) && hotfix.overdue),
  );
}

function ids(hotfixes: Hotfix[]): string {
  return hotfixes.map(hotfix => hotfix.id).join(', ');
}

/**
 * The alarms of the ledger: a red banner for every hotfix the controller
 * reverted (the fix is gone from production and never reached Git), and an
 * amber one when back-ports are overdue. Nothing when all is well.
 */
export function HotfixBanners(props: { hotfixes: Hotfix[] }) {
  const reverted = props.hotfixes.filter(
    hotfix => hotfix.status === 'reverted',
  );
  const overdue = props.hotfixes.filter(
    hotfix => isOpen(hotfix) && hotfix.overdue,
  );
  if (reverted.length === 0 && overdue.length === 0) {
    return null;
  }
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      {reverted.map(hotfix => (
        <Alert
          key={hotfix.id}
          severity="error"
          variant="filled"
          data-testid="pragmatic-gitops-hotfix-reverted-alarm"
        >
          <AlertTitle>Hotfix {hotfix.id} reverted</AlertTitle>
          {hotfix.id} was reverted by the controller: the fix is gone from
          production and was never back-ported. ({hotfix.title})
        </Alert>
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
