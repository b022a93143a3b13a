import { ReactNode } from 'react';
import ButtonBase from '@material-ui/core/ButtonBase';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { readableColor, surfaces } from '../../utils/contrast';

/** One count tile. */
export type CountTile = {
  value: string;
  label: ReactNode;
  count: number;
  /** Tiles that cannot be a filter (for example an invalid track). */
  disabled?: boolean;
  /** A count above zero that needs attention is shown in this colour. */
  alarm?: 'error' | 'warning';
};

const useStyles = makeStyles(theme => ({
  group: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
  },
  tile: {
    display: 'block',
    textAlign: 'left',
    borderRadius: theme.shape.borderRadius,
    // A visible focus ring for keyboard users.
    '&.Mui-focusVisible, &:focus-visible': {
      outline: `3px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  paper: {
    minWidth: 140,
    padding: theme.spacing(1.5, 2),
    border: '2px solid transparent',
  },
  selected: { borderColor: theme.palette.primary.main },
  count: { fontWeight: theme.typography.fontWeightBold as number },
  error: {
    color: readableColor(theme.palette.error.main, surfaces(theme)),
  },
  warning: {
    color: readableColor(theme.palette.warning.dark, surfaces(theme)),
  },
}));

function TileContent(props: { tile: CountTile; selected: boolean }) {
  const classes = useStyles();
  const { tile } = props;
  const alarm = tile.alarm && tile.count > 0 ? classes[tile.alarm] : '';
  return (
    <Paper
      variant="outlined"
      className={`${classes.paper} ${props.selected ? classes.selected : ''}`}
    >
      <Typography
        variant="h4"
        component="div"
        className={`${classes.count} ${alarm}`}
      >
        {tile.count}
      </Typography>
      <Typography variant="body2" component="div">
        {tile.label}
      </Typography>
    </Paper>
  );
}

/**
 * Counts as tiles. With `onSelect`, clicking one filters by it and
 * clicking it again removes the filter; without, they only count.
 */
export function CountTiles(props: {
  name: string;
  title: string;
  tiles: CountTile[];
  selected?: string;
  onSelect?: (value: string | undefined) => void;
}) {
  const classes = useStyles();
  const { onSelect } = props;
  return (
    <section aria-label={props.title}>
      {/* Primary text: the secondary grey is under 4.5:1 on the page's grey. */}
      <Typography variant="overline" color="textPrimary" component="h2">
        {props.title}
      </Typography>
      <div className={classes.group}>
        {props.tiles.map(tile => {
          const selected = props.selected === tile.value;
          const testId = `pragmatic-gitops-tile-${props.name}-${tile.value}`;
          if (!onSelect) {
            return (
              <div
                key={tile.value}
                className={classes.tile}
                data-testid={testId}
              >
                <TileContent tile={tile} selected={false} />
              </div>
            );
          }
          return (
            <ButtonBase
              key={tile.value}
              className={classes.tile}
              disabled={tile.disabled}
              aria-pressed={selected}
              data-testid={testId}
              onClick={() => onSelect(selected ? undefined : tile.value)}
            >
              <TileContent tile={tile} selected={selected} />
            </ButtonBase>
          );
        })}
      </div>
    </section>
  );
}
