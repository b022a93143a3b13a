import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { readableColor, surfaces } from '../../utils/contrast';
import { focusRing } from '../../utils/focusRing';
import { StatusAppearance, StatusTone } from './statusAppearance';

function toneStyle(tone: string, theme: Theme) {
  const color = readableColor(tone, surfaces(theme));
  return {
    color,
    borderColor: color,
    '& $icon': { color },
    ...focusRing(theme),
  };
}

const useStyles = makeStyles((theme: Theme) => ({
  icon: {},
  success: toneStyle(theme.palette.success.main, theme),
  error: toneStyle(theme.palette.error.main, theme),
  info: toneStyle(theme.palette.info.main, theme),
  warning: toneStyle(theme.palette.warning.dark, theme),
  neutral: toneStyle(theme.palette.text.secondary, theme),
}));

/** An outlined chip in the colour of a status, with its icon. */
export function StatusChip(props: {
  appearance: StatusAppearance;
  status: string;
  size?: 'small' | 'medium';
  /** Default true: a tab stop, so the tooltip opens on keyboard focus. */
  focusable?: boolean;
  testId: string;
}) {
  const classes = useStyles();
  const { label, description, tone, Icon } = props.appearance;
  const toneClass: Record<StatusTone, string> = classes;
  // The tooltip opens on keyboard focus as well as on hover.
  return (
    <Tooltip title={description}>
      <Chip
        variant="outlined"
        size={props.size ?? 'small'}
        className={toneClass[tone]}
        classes={{ icon: classes.icon }}
        icon={<Icon />}
        label={label}
        tabIndex={props.focusable === false ? undefined : 0}
        data-testid={props.testId}
        data-status={props.status}
      />
    </Tooltip>
  );
}
