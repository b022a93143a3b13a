import Typography from '@material-ui/core/Typography';
import { FieldChangedBy } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { formatDateTime, formatRelativeTime } from '../../utils/time';

/** "changed by kubectl-scale, 2 hours ago", as the live object's managedFields say. */
export function changedByText(changedBy: FieldChangedBy, now?: number): string {
  const when = changedBy.time
    ? `, ${formatRelativeTime(changedBy.time, now)}`
    : '';
  return `changed by ${changedBy.manager}${when}`;
}

/** Who last wrote a live field, beside the field. */
export function ChangedByNote(props: { changedBy?: FieldChangedBy }) {
  const { changedBy } = props;
  if (!changedBy) {
    return null;
  }
  const title = [
    changedBy.operation &&
      `${changedBy.operation} by field manager ${changedBy.manager}`,
    changedBy.time && formatDateTime(changedBy.time),
    'from the live object’s managedFields',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Typography
      component="span"
      variant="caption"
      color="textSecondary"
      title={title}
      data-testid="pragmatic-gitops-changed-by"
    >
      {changedByText(changedBy)}
    </Typography>
  );
}
