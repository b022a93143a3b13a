import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CopyTextButton } from '@backstage/core-components';
import { useDiffStyles } from './diffStyles';

const useStyles = makeStyles(theme => ({
  fileHeader: { fontWeight: theme.typography.fontWeightBold as number },
  hunk: { color: theme.palette.text.secondary },
}));

type LineKind = 'file' | 'hunk' | 'added' | 'removed' | 'same';

/** Added and removed lines are marked up as such, for screen readers too. */
const ELEMENT: Record<LineKind, 'ins' | 'del' | 'span'> = {
  file: 'span',
  hunk: 'span',
  added: 'ins',
  removed: 'del',
  same: 'span',
};

/** What a line of a unified diff is, from its first characters. */
function lineKind(line: string): LineKind {
  if (line.startsWith('+++ ') || line.startsWith('--- ')) return 'file';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'added';
  if (line.startsWith('-')) return 'removed';
  return 'same';
}

/**
 * A unified diff as it is (so what is read is what is copied), each line
 * coloured by what it does, with a button copying the whole patch.
 */
export function UnifiedDiff(props: { diff: string; label: string }) {
  const classes = { ...useDiffStyles(), ...useStyles() };
  const lines = props.diff.replace(/\n$/, '').split('\n');
  const className: Record<LineKind, string> = {
    file: classes.fileHeader,
    hunk: classes.hunk,
    added: classes.added,
    removed: classes.removed,
    same: '',
  };
  return (
    <div>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="caption" color="textSecondary">
          {props.label}
        </Typography>
        <CopyTextButton
          text={props.diff}
          aria-label="Copy the diff"
          tooltipText="Diff copied"
        />
      </Box>
      <pre
        className={`${classes.code} ${classes.pane}`}
        data-testid="pragmatic-gitops-unified-diff"
        aria-label={props.label}
      >
        {lines.map((line, index) => {
          const kind = lineKind(line);
          const Line = ELEMENT[kind];
          // Inline, the newlines kept: the text is the patch, byte for byte.
          return (
            <Line key={index} className={className[kind]} data-kind={kind}>
              {index < lines.length - 1 ? `${line}\n` : line}
            </Line>
          );
        })}
      </pre>
    </div>
  );
}
