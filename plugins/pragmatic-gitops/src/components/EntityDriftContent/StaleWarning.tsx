import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { EntityDrift } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { useStaleAfter } from '../../hooks/useStaleAfter';
import { DRIFT_STATUS_APPEARANCE } from '../DriftStatusChip';
import { formatDurationSince, formatRelativeTime } from '../../utils/time';

/** True when the live state is older than `staleAfterMs`. */
export function isStale(
  drift: EntityDrift,
  staleAfterMs: number,
  now = Date.now(),
): boolean {
  const observed = drift.observedAt ? Date.parse(drift.observedAt) : NaN;
  return !Number.isNaN(observed) && now - observed > staleAfterMs;
}

/**
 * A warning when the live state is older than `pragmaticGitops.staleAfter`:
 * "In sync" five days ago says little about now. Nothing when fresh.
 */
export function StaleWarning(props: { drift: EntityDrift }) {
  const staleAfter = useStaleAfter();
  const { drift } = props;
  if (!drift.observedAt || !isStale(drift, staleAfter)) {
    return null;
  }
  const label = DRIFT_STATUS_APPEARANCE[drift.status]?.label ?? drift.status;
  return (
    <Box mb={2}>
      <Alert severity="warning" data-testid="pragmatic-gitops-stale-warning">
        Live state is stale: it was observed{' '}
        {formatRelativeTime(drift.observedAt)}, longer ago than{' '}
        {formatDurationSince(new Date(Date.now() - staleAfter).toISOString())}.
        &ldquo;{label}&rdquo; describes production as it was then; check that
        its provider still reports.
      </Alert>
    </Box>
  );
}
