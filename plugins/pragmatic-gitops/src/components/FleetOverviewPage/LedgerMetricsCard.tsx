import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { HotfixMetrics } from '../../api/types';
import { formatDurationSince } from '../../utils/time';
import { RetryableError } from '../RetryableError';
import { HotfixExportButtons } from './HotfixExportButtons';

/** "6 hours", "2 days": a number of seconds as the page words durations. */
function formatSeconds(seconds: number): string {
  return formatDurationSince(new Date(0).toISOString(), seconds * 1000);
}

/** The fleet page's URL with these filters (others dropped). */
function fleetLink(filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) params.set(key, value);
  }
  return `?${params.toString()}`;
}

function Figure(props: {
  label: string;
  value: string;
  testId: string;
  hint: string;
}) {
  return (
    <Box minWidth={140} data-testid={props.testId}>
      <Typography variant="h5" component="p">
        {props.value}
      </Typography>
      <Typography variant="body2">{props.label}</Typography>
      <Typography variant="caption" color="textSecondary">
        {props.hint}
      </Typography>
    </Box>
  );
}

function Metrics(props: { metrics: HotfixMetrics; owner?: string }) {
  const { metrics, owner } = props;
  const { leadTime } = metrics;
  const none = leadTime.backported === 0;
  return (
    <>
      <Box display="flex" flexWrap="wrap" style={{ gap: 24 }} mb={2}>
        <Figure
          testId="pragmatic-gitops-metric-lead-p50"
          label="Back-port lead time, median"
          value={none ? '–' : formatSeconds(leadTime.p50Seconds ?? 0)}
          hint={`recorded → back-ported, ${leadTime.backported} back-ported`}
        />
        <Figure
          testId="pragmatic-gitops-metric-lead-p90"
          label="Back-port lead time, p90"
          value={none ? '–' : formatSeconds(leadTime.p90Seconds ?? 0)}
          hint="9 in 10 were back-ported within this"
        />
        <Box data-testid="pragmatic-gitops-metric-reverted">
          <Link to={fleetLink({ owner, hotfixes: 'reverted' })}>
            <Typography variant="h5" component="p">
              {metrics.reverted}
            </Typography>
            <Typography variant="body2">Reverted by the controller</Typography>
          </Link>
          <Typography variant="caption" color="textSecondary">
            opens the entities whose revert nobody acknowledged
          </Typography>
        </Box>
      </Box>
      {metrics.byOwner.length > 0 && (
        <Table size="small" aria-label="Hotfixes per owner">
          <TableHead>
            <TableRow>
              <TableCell>Owner</TableCell>
              <TableCell align="right">Hotfixes</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {metrics.byOwner.map(row => (
              <TableRow
                key={row.owner ?? ''}
                data-testid="pragmatic-gitops-metric-owner"
              >
                <TableCell>
                  {row.owner ? (
                    <EntityRefLink entityRef={row.owner} />
                  ) : (
                    'No owner known'
                  )}
                </TableCell>
                <TableCell align="right">
                  {row.owner ? (
                    <Link to={fleetLink({ owner: row.owner })}>
                      {row.hotfixes}
                    </Link>
                  ) : (
                    row.hotfixes
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

/**
 * The ledger over the last 30 days, for the fleet page's owner filter:
 * back-port lead time (median and p90), hotfixes the controller reverted and
 * hotfixes per owner, each linking to the fleet filtered on it, and the
 * auditors' export of the same 30 days. Loaded on its own: a failure here
 * leaves the rest of the page working.
 */
export function LedgerMetricsCard(props: { owner?: string }) {
  const api = useApi(pragmaticGitopsApiRef);
  const { owner } = props;
  const metrics = useAsyncRetry(
    () => api.getHotfixMetrics(owner ? { owner } : {}),
    [api, owner],
  );
  const value = metrics.value;
  return (
    <InfoCard
      title="Hotfix ledger, last 30 days"
      subheader="How fast hand-made changes reach Git"
      action={
        <Box mt={1} mr={1}>
          <HotfixExportButtons
            from={value?.from}
            to={value?.to}
            owner={owner}
          />
        </Box>
      }
    >
      <div data-testid="pragmatic-gitops-ledger-metrics">
        {metrics.loading && !value && <Progress />}
        {metrics.error && (
          <RetryableError error={metrics.error} onRetry={metrics.retry} />
        )}
        {value && <Metrics metrics={value} owner={owner} />}
      </div>
    </InfoCard>
  );
}
