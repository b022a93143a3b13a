import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  Track,
  TRACK_DESCRIPTIONS,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

const useStyles = makeStyles(theme => ({
  letter: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

/**
 * The track as a chip reading "B · Operator-managed". The title sits in its
 * own element so it can be found by its text alone.
 */
export function TrackChip(props: { track: Track; size?: 'small' | 'medium' }) {
  const classes = useStyles();
  const { letter, title } = TRACK_DESCRIPTIONS[props.track];
  return (
    <Chip
      color="primary"
      size={props.size}
      data-testid="pragmatic-gitops-track-chip"
      title={`Track ${letter}: ${title}`}
      label={
        <>
          <span className={classes.letter}>{letter}</span>
          {' · '}
          <span>{title}</span>
        </>
      }
    />
  );
}
