import { makeStyles, Theme } from '@material-ui/core/styles';
import { readableColor, surfaces } from '../../utils/contrast';

/**
 * The look of a diff, shared by the drift's value diffs and the back-port's
 * unified diff: monospace panes, removed text struck through in red, added
 * text bold in green, both readable on light and dark themes.
 */
export const useDiffStyles = makeStyles((theme: Theme) => {
  const dark = theme.palette.type === 'dark';
  const removedBackground = dark ? 'transparent' : '#ffebee';
  const addedBackground = dark ? 'transparent' : '#e8f5e9';
  // Readable on the pane and on the highlight behind the changed part.
  const on = (highlight: string) =>
    dark ? surfaces(theme) : [...surfaces(theme), highlight];
  const removedText = readableColor(
    theme.palette.error.dark,
    on(removedBackground),
  );
  const addedText = readableColor(
    theme.palette.success.dark,
    on(addedBackground),
  );
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
      backgroundColor: removedBackground,
    },
    added: {
      color: addedText,
      textDecoration: 'none',
      fontWeight: theme.typography.fontWeightBold as number,
      backgroundColor: addedBackground,
    },
    line: { display: 'block' },
  };
});
