import { MouseEvent } from 'react';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import BuildIcon from '@material-ui/icons/Build';
import { readableColor, surfaces } from '../../utils/contrast';
import { hotfixAnchor, useHotfixHighlight } from '../HotfixList';

const useStyles = makeStyles(theme => ({
  chip: {
    color: readableColor(theme.palette.info.dark, surfaces(theme)),
    borderColor: theme.palette.info.main,
  },
  icon: { color: 'inherit' },
}));

/**
 * "explained by HF-3": the drift is a recorded hotfix. A link to the
 * hotfix's row on the page, which scrolls there and highlights it.
 */
export function ExplainedByChip(props: { hotfixId: string }) {
  const classes = useStyles();
  const { highlight, hotfixes } = useHotfixHighlight();
  const { hotfixId } = props;
  const hotfix = hotfixes.find(candidate => candidate.id === hotfixId);
  return (
    <Chip
      size="small"
      variant="outlined"
      clickable
      component="a"
      href={`#${hotfixAnchor(hotfixId)}`}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        highlight(hotfixId);
      }}
      className={classes.chip}
      classes={{ icon: classes.icon }}
      icon={<BuildIcon />}
      label={`explained by ${hotfixId}`}
      title={
        hotfix
          ? `${hotfixId}: ${hotfix.title}`
          : `Applied by hand and recorded as ${hotfixId}`
      }
      data-testid="pragmatic-gitops-explained-by"
      data-hotfix={hotfixId}
    />
  );
}
