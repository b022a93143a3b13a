import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Timeline from '@material-ui/lab/Timeline';
import TimelineConnector from '@material-ui/lab/TimelineConnector';
import TimelineContent from '@material-ui/lab/TimelineContent';
import TimelineDot from '@material-ui/lab/TimelineDot';
import TimelineItem from '@material-ui/lab/TimelineItem';
import TimelineSeparator from '@material-ui/lab/TimelineSeparator';
import { StatusTransition } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { DRIFT_STATUS_APPEARANCE, DriftStatusChip } from '../DriftStatusChip';
import { TimeAgo } from './TimeAgo';

const useStyles = makeStyles(theme => ({
  timeline: { padding: 0, margin: 0 },
  missingOppositeContent: { '&:before': { display: 'none' } },
  content: { paddingTop: theme.spacing(0.5) },
}));

function label(status: StatusTransition['from']): string {
  if (!status) {
    return 'tracking began';
  }
  return `from ${(
    DRIFT_STATUS_APPEARANCE[status]?.label ?? status
  ).toLowerCase()}`;
}

/** Status changes, newest first, each with how long ago it happened. */
export function StatusHistory(props: { transitions: StatusTransition[] }) {
  const classes = useStyles();
  if (props.transitions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No status changes recorded yet.
      </Typography>
    );
  }
  const newestFirst = [...props.transitions].reverse();
  return (
    <Timeline className={classes.timeline}>
      {newestFirst.map((transition, index) => (
        <TimelineItem
          key={`${transition.at}-${index}`}
          classes={{ missingOppositeContent: classes.missingOppositeContent }}
          data-testid="pragmatic-gitops-transition"
        >
          <TimelineSeparator>
            <TimelineDot variant={index === 0 ? 'default' : 'outlined'} />
            {index < newestFirst.length - 1 && <TimelineConnector />}
          </TimelineSeparator>
          <TimelineContent className={classes.content}>
            <DriftStatusChip status={transition.to} />{' '}
            <Typography variant="caption" color="textSecondary">
              {label(transition.from)} · <TimeAgo at={transition.at} />
            </Typography>
            {transition.reason && (
              <Typography variant="body2">{transition.reason}</Typography>
            )}
          </TimelineContent>
        </TimelineItem>
      ))}
    </Timeline>
  );
}
