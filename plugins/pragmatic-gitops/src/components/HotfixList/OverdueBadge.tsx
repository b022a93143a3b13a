import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import AlarmIcon from '@material-ui/icons/Alarm';
import { formatDateTime, formatRelativeTime } from '../../utils/time';

const useStyles = makeStyles(theme => ({
  badge: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  icon: { color: 'inherit' },
}));

/** "back-port overdue since 3 Jan 2026, 10:00", filled red. */
export function OverdueBadge(props: { dueAt: string }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      className={classes.badge}
      classes={{ icon: classes.icon }}
      icon={<AlarmIcon />}
      label={`back-port overdue since ${formatDateTime(props.dueAt)}`}
      title={`The back-port was due ${formatRelativeTime(props.dueAt)}.`}
      data-testid="pragmatic-gitops-hotfix-overdue"
    />
  );
}
