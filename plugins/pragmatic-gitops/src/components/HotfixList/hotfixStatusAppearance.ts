import BlockIcon from '@material-ui/icons/Block';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ReportIcon from '@material-ui/icons/Report';
import ScheduleIcon from '@material-ui/icons/Schedule';
import { HotfixStatus } from '../../api/types';
import { StatusAppearance } from '../DriftStatusChip/statusAppearance';

/**
 * Every hotfix status: pending back-port (amber), back-ported (green),
 * reverted (red), abandoned (grey).
 */
export const HOTFIX_STATUS_APPEARANCE: Record<HotfixStatus, StatusAppearance> =
  {
    'pending-backport': {
      label: 'Pending back-port',
      description: 'Applied by hand; Git does not have it yet.',
      tone: 'warning',
      Icon: ScheduleIcon,
    },
    backported: {
      label: 'Back-ported',
      description: 'Git now has the change.',
      tone: 'success',
      Icon: CheckCircleIcon,
    },
    reverted: {
      label: 'Reverted',
      description:
        'The controller put the old Git state back before the change reached Git: the fix is gone.',
      tone: 'error',
      Icon: ReportIcon,
    },
    abandoned: {
      label: 'Abandoned',
      description: 'Closed by hand without a back-port.',
      tone: 'neutral',
      Icon: BlockIcon,
    },
  };
