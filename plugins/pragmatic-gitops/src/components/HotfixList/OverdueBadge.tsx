import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import AlarmIcon from '@material-ui/icons/Alarm';
import { readableColor } from '../../utils/contrast';
import { formatDateTime, formatRelativeTime } from '../../utils/time';

const useStyles = makeStyles(theme => ({
  badge: {
    // Darkened until its white text reads at 4.5:1.
    backgroundColor: readableColor(
      theme.palette.error.main,
      theme.palette.error.contrastText,
    ),
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
