import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { IgnoredDifference } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { ExplainedDifference } from '../../api/types';
import { DifferenceBadges } from './DifferenceBadges';
import { addedEntryName } from '../../utils/differenceName';
import { ValueDiff } from './ValueDiff';
import { SIDE_LABELS, SideLabels } from './sideLabels';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  path: {
    fontFamily: 'monospace',
    fontWeight: 600,
    marginRight: theme.spacing(1),
  },
  values: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(1),
    marginTop: theme.spacing(0.5),
  },
  badges: { display: 'inline-flex', gap: theme.spacing(0.5) },
  ignored: { color: theme.palette.text.disabled },
  ignoredPath: { fontFamily: 'monospace', marginRight: theme.spacing(1) },
}));

function DifferenceItem(props: {
  difference: ExplainedDifference;
  labels: SideLabels;
}) {
  const classes = useStyles();
  const { path, desired, live, masked } = props.difference;
  const name = addedEntryName(props.difference);
  return (
    <li
      className={classes.item}
      data-testid="pragmatic-gitops-difference"
      data-explained-by={props.difference.explainedBy}
    >
      <Box display="flex" alignItems="center" flexWrap="wrap">
        {name ? (
          <span className={classes.path} title={path}>
            {name}
          </span>
        ) : (
          <code className={classes.path}>{path || '/'}</code>
        )}
        <span className={classes.badges}>
          <DifferenceBadges difference={props.difference} />
        </span>
      </Box>
      {!masked && (
        <ValueDiff
          desired={desired}
          live={live}
          labels={props.labels}
          rowClassName={classes.values}
        />
      )}
    </li>
  );
}

/**
 * What differs in one resource, field by field, then the differences that
 * do not count and why. A masked difference never shows either value.
 */
export function DifferenceList(props: {
  differences: ExplainedDifference[];
  ignored: IgnoredDifference[];
  /** What the two sides are called; Git and Live by default. */
  labels?: SideLabels;
}) {
  const classes = useStyles();
  return (
    <Box py={1}>
      {props.differences.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No differences.
        </Typography>
      ) : (
        <ul className={classes.list} aria-label="Differences">
          {props.differences.map((difference, index) => (
            <DifferenceItem
              key={`${difference.path}-${index}`}
              difference={difference}
              labels={props.labels ?? SIDE_LABELS['git-live']}
            />
          ))}
        </ul>
      )}
      {props.ignored.length > 0 && (
        <Box mt={1}>
          <Typography variant="caption" color="textSecondary">
            Ignored
          </Typography>
          <ul className={classes.list} aria-label="Ignored differences">
            {props.ignored.map((ignored, index) => (
              <li
                key={`${ignored.path}-${index}`}
                className={`${classes.item} ${classes.ignored}`}
                data-testid="pragmatic-gitops-ignored-difference"
              >
                <code className={classes.ignoredPath}>{ignored.path}</code>
                <span>
                  {ignored.reason}
                  {ignored.rule ? ` (rule: ${ignored.rule})` : ''}
                </span>
              </li>
            ))}
          </ul>
        </Box>
      )}
    </Box>
  );
}
