import Typography from '@material-ui/core/Typography';
import { Entity } from '@backstage/catalog-model';
import { DriftStatusChip } from '../DriftStatusChip';
import { TrackChip } from '../EntityTrackCard/TrackChip';
import { useEntityStatusSummary } from './useEntityStatusSummary';

/** What a cell shows when the backend could not answer for its page. */
function Unavailable(props: { error: Error }) {
  return (
    <Typography
      variant="caption"
      color="error"
      title={props.error.message}
      data-testid="pragmatic-gitops-cell-error"
    >
      Unavailable
    </Typography>
  );
}

/** The row's track as a chip; a dash for entities without one. */
export function GitopsTrackCell(props: { entity: Entity }) {
  const { value, error } = useEntityStatusSummary(props.entity);
  if (error) {
    return <Unavailable error={error} />;
  }
  return value?.track ? <TrackChip track={value.track} size="small" /> : null;
}

/** The row's drift status as a chip, with its reason on hover. */
export function GitopsStatusCell(props: { entity: Entity }) {
  const { value, error } = useEntityStatusSummary(props.entity);
  if (error) {
    return <Unavailable error={error} />;
  }
  if (!value) {
    return null;
  }
  return (
    <span title={value.reason}>
      <DriftStatusChip status={value.status} size="small" />
    </span>
  );
}
