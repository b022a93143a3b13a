import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { useDiffStyles } from '../UnifiedDiff/diffStyles';
import { compactJson, MAX_INLINE_LENGTH } from './JsonValue';
import {
  diffText,
  DiffPart,
  isMultiLine,
  lineDiff,
  sideBySide,
} from './valueDiff';

import { SideLabels } from './sideLabels';

const useStyles = makeStyles((theme: Theme) => ({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: theme.spacing(1),
    marginTop: theme.spacing(0.5),
  },
}));

function Parts(props: { parts: DiffPart[]; mark: 'del' | 'ins' }) {
  const classes = useDiffStyles();
  const Mark = props.mark;
  return (
    <>
      {props.parts.map((part, index) =>
        part.changed ? (
          <Mark
            key={index}
            className={Mark === 'del' ? classes.removed : classes.added}
          >
            {part.text}
          </Mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** Git and live in full, side by side, the changed words marked. */
function SideBySide(props: {
  desired: unknown;
  live: unknown;
  labels: SideLabels;
}) {
  const classes = { ...useDiffStyles(), ...useStyles() };
  const parts = sideBySide(diffText(props.desired), diffText(props.live));
  return (
    <div className={classes.grid} data-testid="pragmatic-gitops-side-by-side">
      {(['desired', 'live'] as const).map(side => (
        <div key={side}>
          <Typography variant="caption" color="textSecondary" component="div">
            {props.labels[side]}
          </Typography>
          <pre
            className={`${classes.code} ${classes.pane}`}
            data-testid={`pragmatic-gitops-side-${side}`}
          >
            <Parts
              parts={parts[side]}
              mark={side === 'desired' ? 'del' : 'ins'}
            />
          </pre>
        </div>
      ))}
    </div>
  );
}

/** A multi-line value (a config file) as a line diff, Git lines first. */
function LineDiff(props: {
  desired: unknown;
  live: unknown;
  labels: SideLabels;
}) {
  const classes = useDiffStyles();
  const lines = lineDiff(diffText(props.desired), diffText(props.live));
  return (
    <div>
      <Typography variant="caption" color="textSecondary" component="div">
        − {props.labels.desired} · + {props.labels.live}
      </Typography>
      <pre
        className={`${classes.code} ${classes.pane}`}
        data-testid="pragmatic-gitops-line-diff"
        aria-label={`Line diff: ${props.labels.desired} against ${props.labels.live}`}
      >
        {lines.map((line, index) => {
          if (line.kind === 'same') {
            return (
              <span key={index} className={classes.line}>
                {`  ${line.text}`}
              </span>
            );
          }
          const Mark = line.kind === 'removed' ? 'del' : 'ins';
          return (
            <Mark
              key={index}
              className={`${classes.line} ${
                line.kind === 'removed' ? classes.removed : classes.added
              }`}
              data-kind={line.kind}
            >
              {`${line.kind === 'removed' ? '−' : '+'} ${line.text}`}
            </Mark>
          );
        })}
      </pre>
    </div>
  );
}

function Inline(props: { value: unknown; testId: string }) {
  const classes = useDiffStyles();
  const text = compactJson(props.value);
  return (
    <code className={classes.code} data-testid={props.testId}>
      {text.length > MAX_INLINE_LENGTH
        ? `${text.slice(0, MAX_INLINE_LENGTH)}…`
        : text}
    </code>
  );
}

/**
 * Git and live values of one difference. Short values sit on one line
 * each; long ones are cut, with both in full side by side on demand;
 * multi-line strings are a line diff. Only for unmasked differences.
 */
export function ValueDiff(props: {
  desired: unknown;
  live: unknown;
  labels: SideLabels;
  rowClassName: string;
}) {
  const { desired, live, labels } = props;
  const [full, setFull] = useState(false);
  if (isMultiLine(desired, live)) {
    return <LineDiff desired={desired} live={live} labels={labels} />;
  }
  const long = [desired, live].some(
    value => compactJson(value).length > MAX_INLINE_LENGTH,
  );
  return (
    <>
      <div className={props.rowClassName}>
        <Typography variant="caption" color="textSecondary">
          {labels.desired}
        </Typography>
        <span data-testid="pragmatic-gitops-difference-desired">
          <Inline value={desired} testId="pragmatic-gitops-json-value" />
        </span>
        <Typography variant="caption" color="textSecondary">
          {labels.live}
        </Typography>
        <span data-testid="pragmatic-gitops-difference-live">
          <Inline value={live} testId="pragmatic-gitops-json-value" />
        </span>
      </div>
      {long && (
        <Button
          size="small"
          color="primary"
          aria-expanded={full}
          onClick={() => setFull(!full)}
        >
          {full ? 'Hide full values' : 'Compare in full'}
        </Button>
      )}
      {long && full && (
        <SideBySide desired={desired} live={live} labels={labels} />
      )}
    </>
  );
}
