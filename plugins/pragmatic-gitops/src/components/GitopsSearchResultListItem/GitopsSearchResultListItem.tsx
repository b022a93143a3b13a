import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import { ResultHighlight } from '@backstage/plugin-search-common';
import { GitopsSearchDocument } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { DriftStatusChip } from '../DriftStatusChip';
import { TrackChip } from '../EntityTrackCard/TrackChip';

const useStyles = makeStyles(theme => ({
  item: { display: 'flex' },
  text: { width: '100%', marginBottom: theme.spacing(1) },
  chips: { display: 'flex', gap: theme.spacing(1), flexWrap: 'wrap' },
}));

/** @public */
export interface GitopsSearchResultListItemProps {
  icon?: ReactNode;
  result?: GitopsSearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
}

function Highlighted(props: {
  field: 'title' | 'text';
  highlight?: ResultHighlight;
  fallback: string;
}) {
  const text = props.highlight?.fields[props.field];
  if (!text || !props.highlight) {
    return <>{props.fallback}</>;
  }
  return (
    <HighlightedSearchResultText
      text={text}
      preTag={props.highlight.preTag}
      postTag={props.highlight.postTag}
    />
  );
}

/**
 * A `pragmatic-gitops` search result: the entity, linking to its GitOps
 * tab, with its drift status and track as chips and the indexed sentence.
 */
export function GitopsSearchResultListItem(
  props: GitopsSearchResultListItemProps,
) {
  const classes = useStyles();
  const { result, highlight } = props;
  if (!result) {
    return null;
  }
  return (
    <div className={classes.item} data-testid="pragmatic-gitops-search-result">
      {props.icon && <ListItemIcon>{props.icon}</ListItemIcon>}
      <div>
        <ListItemText
          className={classes.text}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location}>
              <Highlighted
                field="title"
                highlight={highlight}
                fallback={result.title}
              />
            </Link>
          }
          secondary={
            <Typography component="span" color="textSecondary" variant="body2">
              <Highlighted
                field="text"
                highlight={highlight}
                fallback={result.text}
              />
            </Typography>
          }
        />
        <Box className={classes.chips}>
          <DriftStatusChip status={result.driftStatus} size="small" />
          <TrackChip track={result.track} size="small" />
        </Box>
      </div>
    </div>
  );
}
