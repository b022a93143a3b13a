import { Theme } from '@material-ui/core/styles';

/**
 * A visible keyboard focus for elements MUI leaves without one, such as a
 * chip made a tab stop so its tooltip opens on focus (MUI's Chip sets
 * `outline: 0` and only styles the focus of clickable chips).
 */
export function focusRing(theme: Theme) {
  return {
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  };
}
