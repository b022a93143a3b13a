import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { SecretRef, SecretRefResolution } from '../../api/types';
import { readableColor, surfaces } from '../../utils/contrast';
import { focusRing } from '../../utils/focusRing';
import { formatDateTime, formatRelativeTime } from '../../utils/time';

type Tone = 'success' | 'error' | 'warning' | 'neutral';

const useStyles = makeStyles((theme: Theme) => ({
  chip: focusRing(theme),
  success: {
    color: readableColor(theme.palette.success.dark, surfaces(theme)),
    borderColor: theme.palette.success.main,
  },
  error: {
    color: readableColor(theme.palette.error.dark, surfaces(theme)),
    borderColor: theme.palette.error.main,
  },
  warning: {
    color: readableColor(theme.palette.warning.dark, surfaces(theme)),
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
 * True for a reference produced by a plain `Secret` committed to Git: it
 * "exists" only because its value sits in Git, which is the finding.
 */
export function isPlaintextInGit(ref: Pick<SecretRef, 'declaredBy'>): boolean {
  return ref.declaredBy?.kind === 'Secret';
}

/**
 * What the secret store's metadata said about a reference, as a chip:
 * exists (green, with its version), missing (red), unchecked (grey), or a
 * failed check (amber). The reason, or what the status means, shows in a
 * tooltip. Only metadata: a secret's value is never read.
 */
export function ResolutionChip(props: {
  resolution: SecretRefResolution;
  /** A plain Secret in Git: red "plaintext in Git", never a green "exists". */
  plaintextInGit?: boolean;
}) {
  const classes = useStyles();
  const { resolution, plaintextInGit } = props;
  const tone = plaintextInGit
    ? 'error'
    : LOOKS[resolution.status]?.tone ?? 'neutral';
  const hint = plaintextInGit
    ? `${
        resolution.reason ?? 'Declared in Git'
      }: its value is committed in plain text. Move it to a secret manager and reference it.`
    : resolution.reason ?? DEFAULT_HINTS[resolution.status] ?? '';
  return (
    <Tooltip title={hint}>
      <span data-testid="pragmatic-gitops-secret-resolution-cell">
        <Chip
          // Focusable, so the explanation is reachable by keyboard too.
          tabIndex={0}
          size="small"
          variant="outlined"
          className={`${classes.chip} ${classes[tone]}`}
          label={plaintextInGit ? 'plaintext in Git' : label(resolution)}
          data-testid="pragmatic-gitops-secret-resolution"
          data-status={plaintextInGit ? 'plaintext-in-git' : resolution.status}
        />
        {!plaintextInGit &&
          resolution.status === 'exists' &&
          resolution.updatedAt && (
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
