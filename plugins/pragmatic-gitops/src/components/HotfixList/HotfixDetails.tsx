import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import { RetryableError } from '../RetryableError';
import { Hotfix } from '../../api/types';
import { formatDateTime } from '../../utils/time';
import { BackportHowTo } from './BackportHowTo';
import { HotfixChanges } from './HotfixChanges';
import { HotfixEventTimeline } from './HotfixEventTimeline';
import { isOpen } from './sortHotfixes';

function Heading(props: { children: string }) {
  return (
    <Typography variant="subtitle2" component="h4">
      {props.children}
    </Typography>
  );
}

/**
 * The expanded row of a hotfix: its description, what it changed, how to
 * back-port it while it is open, and its event timeline.
 */
export function HotfixDetails(props: {
  hotfix: Hotfix;
  eventsLoading: boolean;
  eventsError?: Error;
  onRetryEvents?: () => void;
}) {
  const { hotfix, eventsLoading: loading, eventsError: error } = props;
  return (
    <Box py={2} data-testid="pragmatic-gitops-hotfix-details">
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          {hotfix.description && (
            <Box mb={2}>
              <Heading>Description</Heading>
              <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }}>
                {hotfix.description}
              </Typography>
            </Box>
          )}
          <Box mb={2}>
            <Heading>What was changed</Heading>
            <HotfixChanges
              changes={hotfix.changes ?? []}
              hotfixId={hotfix.id}
            />
          </Box>
          <Box mb={2}>
            <Typography variant="caption" color="textSecondary">
              Recorded {formatDateTime(hotfix.recordedAt)} · back-port due{' '}
              {formatDateTime(hotfix.backportDueAt)}
            </Typography>
          </Box>
          {isOpen(hotfix) && <BackportHowTo id={hotfix.id} />}
        </Grid>
        <Grid item xs={12} md={6}>
          <Heading>History</Heading>
          {loading && !hotfix.events && <Progress />}
          {error && (
            <RetryableError
              inline
              what="the history"
              error={error}
              onRetry={props.onRetryEvents}
            />
          )}
          {hotfix.events && <HotfixEventTimeline events={hotfix.events} />}
        </Grid>
      </Grid>
    </Box>
  );
}
