import { useState } from 'react';
import Link from '@material-ui/core/Link';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';

/** Values longer than this are cut, with the whole value on hover. */
export const MAX_INLINE_LENGTH = 80;

const useStyles = makeStyles(theme => ({
  code: {
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
    // Long values wrap where they must, never squeezing words in the table.
    overflowWrap: 'break-word',
    whiteSpace: 'pre-wrap',
  },
  tooltip: {
    fontFamily: 'monospace',
    whiteSpace: 'pre-wrap',
    maxWidth: 600,
    maxHeight: 400,
    overflow: 'auto',
  },
  toggle: { marginLeft: theme.spacing(1), fontSize: '0.75rem' },
}));

/** Compact JSON of a value; `undefined` (absent) reads as "absent". */
export function compactJson(value: unknown): string {
  if (value === undefined) {
    return 'absent';
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A value as one line of compact JSON. Long values are truncated, show in
 * full in a tooltip and can be expanded in place (pretty-printed).
 */
export function JsonValue(props: { value: unknown }) {
  const classes = useStyles();
  const [expanded, setExpanded] = useState(false);
  const text = compactJson(props.value);

  if (text.length <= MAX_INLINE_LENGTH) {
    return (
      <code className={classes.code} data-testid="pragmatic-gitops-json-value">
        {text}
      </code>
    );
  }

  const pretty = JSON.stringify(props.value, null, 2);
  return (
    <span data-testid="pragmatic-gitops-json-value">
      {expanded ? (
        <code className={classes.code}>{pretty}</code>
      ) : (
        <Tooltip
          title={<span className={classes.tooltip}>{pretty}</span>}
          interactive
        >
          <code className={classes.code}>
            {`${text.slice(0, MAX_INLINE_LENGTH)}…`}
          </code>
        </Tooltip>
      )}
      <Link
        component="button"
        className={classes.toggle}
        onClick={() => setExpanded(!expanded)}
      >
        {expanded ? 'less' : 'more'}
      </Link>
    </span>
  );
}
