import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { SecretRefResolution } from '../../api/types';
import { formatDateTime, formatRelativeTime } from '../../utils/time';

type Tone = 'success' | 'error' | 'warning' | 'neutral';

const useStyles = makeStyles((theme: Theme) => ({
  success: {
    color: theme.palette.success.dark,
    borderColor: theme.palette.success.main,
  },
  error: {
    color: theme.palette.error.dark,
    borderColor: theme.palette.error.main,
  },
  warning: {
    color: theme.palette.warning.dark,
    borderColor: theme.palette.warning.main,
  },
  neutral: {
    color: theme.palette.text.secondary,
    borderColor: theme.palette.text.disabled,
  },
}));

const LOOKS: Record<
  SecretRefResolution['status'],
  { label: string; tone: Tone }
> = {
  exists: { label: 'exists', tone: 'success' },
  missing: { label: 'missing', tone: 'error' },
  unchecked: { label: 'unchecked', tone: 'neutral' },
  error: { label: 'check failed', tone: 'warning' },
};

const DEFAULT_HINTS: Record<SecretRefResolution['status'], string> = {
  exists: "The store's metadata has this key.",
  missing: 'The store has no such key: whatever uses it will fail to start.',
  unchecked: 'No store of this kind is configured for checking.',
  error: 'The store could not be asked.',
};

/** "exists · v3", "missing", "unchecked" or "check failed". */
function label(resolution: SecretRefResolution): string {
  const look = LOOKS[resolution.status];
  if (!look) {
    return resolution.status;
  }
  return resolution.status === 'exists' && resolution.version !== undefined
    ? `${look.label} · v${resolution.version}`
    : look.label;
}

/**
 * What the secret store's metadata said about a reference, as a chip:
 * exists (green, with its version), missing (red), unchecked (grey), or a
 * failed check (amber). The reason, or what the status means, shows in a
 * tooltip. Only metadata: a secret's value is never read.
 */
export function ResolutionChip(props: { resolution: SecretRefResolution }) {
  const classes = useStyles();
  const { resolution } = props;
  const tone = LOOKS[resolution.status]?.tone ?? 'neutral';
  const hint = resolution.reason ?? DEFAULT_HINTS[resolution.status] ?? '';
  return (
    <Tooltip title={hint}>
      <span data-testid="pragmatic-gitops-secret-resolution-cell">
        <Chip
          size="small"
          variant="outlined"
          className={classes[tone]}
          label={label(resolution)}
          data-testid="pragmatic-gitops-secret-resolution"
          data-status={resolution.status}
        />
        {resolution.status === 'exists' && resolution.updatedAt && (
          <div>
            <time
              dateTime={resolution.updatedAt}
              title={formatDateTime(resolution.updatedAt)}
              style={{ fontSize: '0.75rem' }}
            >
              updated {formatRelativeTime(resolution.updatedAt)}
            </time>
          </div>
        )}
      </span>
    </Tooltip>
  );
}
