import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import {
  EntityGitopsStatus,
  Finding,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { bannerFindings, FindingsBanner } from '../FindingsBanner';
import { DriftStatusChip, statusSince } from '../DriftStatusChip';
import { TrackChip } from '../EntityTrackCard/TrackChip';
import { formatDateTime } from '../../utils/time';
import { RefreshError } from './RefreshError';
import { SourceFields } from './SourceFields';
import { StaleWarning } from './StaleWarning';
import { SummaryField } from './SummaryField';
import { TimeAgo } from './TimeAgo';
import { CARD_TITLE } from '../../utils/cardTitle';

/** Provider status fields worth a label, in the order they are shown. */
const PROVIDER_FIELDS: Array<[string, string]> = [
  ['sync', 'Provider sync'],
  ['health', 'Provider health'],
  ['revision', 'Revision'],
  ['message', 'Provider message'],
  ['suspended', 'Controller suspended'],
  ['operation', 'Last operation'],
];

/**
 * The head of the GitOps tab: drift status and since when, where and when
 * the state was read, the provider's own view, and a refresh button.
 */
export function DriftSummary(props: {
  status: EntityGitopsStatus;
  /** Sorted findings; critical, error and warning ones head the card. */
  findings?: Finding[];
  onRefresh: () => void;
  refreshing: boolean;
  refreshError?: Error;
  /** More buttons beside "Refresh", such as "Record hotfix". */
  actions?: ReactNode;
}) {
  const { drift, track } = props.status;
  const provider = drift.providerStatus ?? {};
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE}
      title="GitOps status"
      action={
        <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
          {props.actions}
          <Button
            variant="outlined"
            color="primary"
            startIcon={<RefreshIcon />}
            onClick={props.onRefresh}
            disabled={props.refreshing}
          >
            {props.refreshing ? 'Refreshing…' : 'Refresh'}
          </Button>
        </Box>
      }
    >
      <div data-testid="pragmatic-gitops-drift-status">
        {bannerFindings(props.findings ?? []).length > 0 && (
          <Box mb={2}>
            <FindingsBanner findings={props.findings ?? []} />
          </Box>
        )}
        <Box display="flex" alignItems="center" flexWrap="wrap" mb={2}>
          <Box mr={2}>
            <DriftStatusChip status={drift.status} size="medium" />
          </Box>
          {drift.since && (
            <Box mr={2}>
              <Typography
                variant="subtitle1"
                title={formatDateTime(drift.since)}
                data-testid="pragmatic-gitops-drift-since"
              >
                {statusSince(drift.status, drift.since, drift.trackedSince)}
              </Typography>
            </Box>
          )}
          {track && <TrackChip track={track} />}
        </Box>
        <StaleWarning drift={drift} />
        {drift.reason && (
          <Box mb={2}>
            <Alert
              severity={drift.status === 'unknown' ? 'warning' : 'info'}
              data-testid="pragmatic-gitops-drift-reason"
            >
              {drift.reason}
            </Alert>
          </Box>
        )}
        <Grid container spacing={2}>
          {drift.checkedAt && (
            <SummaryField label="Last checked">
              <TimeAgo at={drift.checkedAt} />
            </SummaryField>
          )}
          <SourceFields drift={drift} />
          {drift.observedAt && (
            <SummaryField label="Observed">
              <TimeAgo at={drift.observedAt} />
            </SummaryField>
          )}
          {PROVIDER_FIELDS.filter(([key]) => provider[key]).map(
            ([key, label]) => (
              <SummaryField
                key={key}
                label={label}
                testId={`pragmatic-gitops-provider-${key}`}
              >
                {provider[key]}
              </SummaryField>
            ),
          )}
        </Grid>
        {props.refreshError && (
          <Box mt={2}>
            <RefreshError error={props.refreshError} />
          </Box>
        )}
      </div>
    </InfoCard>
  );
}
