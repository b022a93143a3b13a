import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Timeline from '@material-ui/lab/Timeline';
import TimelineConnector from '@material-ui/lab/TimelineConnector';
import TimelineContent from '@material-ui/lab/TimelineContent';
import TimelineDot from '@material-ui/lab/TimelineDot';
import TimelineItem from '@material-ui/lab/TimelineItem';
import TimelineSeparator from '@material-ui/lab/TimelineSeparator';
import { HotfixEvent, HotfixEventType } from '../../api/types';
import { TimeAgo } from '../EntityDriftContent/TimeAgo';
import { ActorLink } from './ActorLink';

const useStyles = makeStyles(theme => ({
  timeline: { padding: 0, margin: 0 },
  missingOppositeContent: { '&:before': { display: 'none' } },
  content: { paddingTop: theme.spacing(0.5) },
  detail: { display: 'block' },
}));

const EVENT_LABELS: Record<HotfixEventType, string> = {
  recorded: 'Recorded',
  baseline: 'Live and Git state of the changed fields noted',
  'drift-observed': 'Drift observed',
  backported: 'Back-ported',
  reverted: 'Reverted by the controller',
  abandoned: 'Abandoned',
  'overdue-notified': 'Owners notified: back-port overdue',
  acknowledged: 'Revert acknowledged',
};

/** How an event was detected, in words; unknown ways are shown as sent. */
const VIA_WORDS: Record<string, string> = {
  'git-match': 'Git now holds the live values of every field it touched',
  'commit-trailer':
    'a commit in the source repository names it in a Backport-Of trailer',
  'live-reverted':
    'live went back to the old Git values before any back-port: the controller undid the fix',
};

/** "Detected because …": the way an event was found, for people. */
export function viaWords(via: string): string {
  return VIA_WORDS[via] ?? via;
}

const DOT_COLORS: Partial<
  Record<HotfixEventType, 'primary' | 'secondary' | 'grey'>
> = {
  backported: 'primary',
  reverted: 'secondary',
};

function EventDetail(props: { event: HotfixEvent }) {
  const classes = useStyles();
  const { url, revision, via, reason } = props.event.detail ?? {};
  return (
    <>
      {url && (
        <Link
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          className={classes.detail}
        >
          {url}
        </Link>
      )}
      {revision && (
        <Typography variant="caption" className={classes.detail}>
          revision <code>{revision}</code>
        </Typography>
      )}
      {via && (
        <Typography
          variant="caption"
          className={classes.detail}
          data-testid="pragmatic-gitops-hotfix-event-via"
        >
          Detected because {viaWords(via)}.
        </Typography>
      )}
      {reason && (
        <Typography variant="body2" className={classes.detail}>
          {reason}
        </Typography>
      )}
    </>
  );
}

/** A hotfix's events, newest first, each with who, when and the detail. */
export function HotfixEventTimeline(props: { events: HotfixEvent[] }) {
  const classes = useStyles();
  if (props.events.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No events recorded.
      </Typography>
    );
  }
  const newestFirst = [...props.events].sort(
    (a, b) => Date.parse(b.at) - Date.parse(a.at),
  );
  return (
    <Timeline className={classes.timeline} aria-label="Hotfix events">
      {newestFirst.map((event, index) => (
        <TimelineItem
          key={`${event.type}-${event.at}-${index}`}
          classes={{ missingOppositeContent: classes.missingOppositeContent }}
          data-testid="pragmatic-gitops-hotfix-event"
          data-event={event.type}
        >
          <TimelineSeparator>
            <TimelineDot color={DOT_COLORS[event.type] ?? 'grey'} />
            {index < newestFirst.length - 1 && <TimelineConnector />}
          </TimelineSeparator>
          <TimelineContent className={classes.content}>
            <Typography variant="body2" component="span">
              {EVENT_LABELS[event.type] ?? event.type}
            </Typography>{' '}
            <Typography variant="caption" color="textSecondary">
              {event.actor && (
                <>
                  by <ActorLink actor={event.actor} />
                  {' · '}
                </>
              )}
              <TimeAgo at={event.at} />
            </Typography>
            <EventDetail event={event} />
          </TimelineContent>
        </TimelineItem>
      ))}
    </Timeline>
  );
}
