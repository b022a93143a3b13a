import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { StatusAppearance, StatusTone } from './statusAppearance';

function toneStyle(color: string) {
  return {
    color,
    borderColor: color,
    '& $icon': { color },
  };
}

const useStyles = makeStyles((theme: Theme) => ({
  icon: {},
  success: toneStyle(theme.palette.success.main),
  error: toneStyle(theme.palette.error.main),
  info: toneStyle(theme.palette.info.main),
  warning: toneStyle(theme.palette.warning.dark),
  neutral: toneStyle(theme.palette.text.secondary),
}));

/** An outlined chip in the colour of a status, with its icon. */
export function StatusChip(props: {
  appearance: StatusAppearance;
  status: string;
  size?: 'small' | 'medium';
  testId: string;
}) {
  const classes = useStyles();
  const { label, description, tone, Icon } = props.appearance;
  const toneClass: Record<StatusTone, string> = classes;
  return (
    <Chip
      variant="outlined"
      size={props.size ?? 'small'}
      className={toneClass[tone]}
      classes={{ icon: classes.icon }}
      icon={<Icon />}
      label={label}
      title={description}
      data-testid={props.testId}
      data-status={props.status}
    />
  );
}
