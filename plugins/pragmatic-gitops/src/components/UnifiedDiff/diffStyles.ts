import { makeStyles, Theme } from '@material-ui/core/styles';
import { readableColor } from '../../utils/contrast';

/**
 * The look of a diff, shared by the drift's value diffs and the back-port's
 * unified diff: monospace panes, removed text struck through in red, added
 * text bold in green, both readable on light and dark themes.
 */
export const useDiffStyles = makeStyles((theme: Theme) => {
  const paper = theme.palette.background.paper;
  const removedText = readableColor(theme.palette.error.dark, paper);
  const addedText = readableColor(theme.palette.success.dark, paper);
  return {
    code: {
      fontFamily: 'monospace',
      fontSize: theme.typography.body2.fontSize,
      whiteSpace: 'pre-wrap',
      overflowWrap: 'anywhere',
    },
    pane: {
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
      padding: theme.spacing(1),
      margin: 0,
      maxHeight: 400,
      overflow: 'auto',
    },
    removed: {
      color: removedText,
      textDecoration: 'line-through',
      backgroundColor:
        theme.palette.type === 'dark' ? 'transparent' : '#ffebee',
    },
    added: {
      color: addedText,
      textDecoration: 'none',
      fontWeight: theme.typography.fontWeightBold as number,
      backgroundColor:
        theme.palette.type === 'dark' ? 'transparent' : '#e8f5e9',
    },
    line: { display: 'block' },
  };
});
