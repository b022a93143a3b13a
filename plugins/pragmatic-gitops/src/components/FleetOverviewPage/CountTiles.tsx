import { ReactNode } from 'react';
import ButtonBase from '@material-ui/core/ButtonBase';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

/** One count tile. */
export type CountTile = {
  value: string;
  label: ReactNode;
  count: number;
  /** Tiles that cannot be a filter (for example an invalid track). */
  disabled?: boolean;
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
  },
  paper: {
    minWidth: 140,
    padding: theme.spacing(1.5, 2),
    border: '2px solid transparent',
  },
  selected: { borderColor: theme.palette.primary.main },
  count: { fontWeight: theme.typography.fontWeightBold as number },
}));

/**
 * Counts as tiles; clicking one filters by it, clicking it again removes
 * the filter.
 */
export function CountTiles(props: {
  name: string;
  title: string;
  tiles: CountTile[];
  selected?: string;
  onSelect: (value: string | undefined) => void;
}) {
  const classes = useStyles();
  return (
    <section aria-label={props.title}>
      <Typography variant="overline" color="textSecondary" component="h2">
        {props.title}
      </Typography>
      <div className={classes.group}>
        {props.tiles.map(tile => {
          const selected = props.selected === tile.value;
          return (
            <ButtonBase
              key={tile.value}
              className={classes.tile}
              disabled={tile.disabled}
              aria-pressed={selected}
              data-testid={`pragmatic-gitops-tile-${props.name}-${tile.value}`}
              onClick={() => props.onSelect(selected ? undefined : tile.value)}
            >
              <Paper
                variant="outlined"
                className={`${classes.paper} ${
                  selected ? classes.selected : ''
                }`}
              >
                <Typography
                  variant="h4"
                  component="div"
                  className={classes.count}
                >
                  {tile.count}
                </Typography>
                <Typography variant="body2" component="div">
                  {tile.label}
                </Typography>
              </Paper>
            </ButtonBase>
          );
        })}
      </div>
    </section>
  );
}
