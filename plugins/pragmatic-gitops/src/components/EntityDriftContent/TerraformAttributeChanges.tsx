import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Difference } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { terraformAttributeName } from '../../utils/terraformAttribute';
import { JsonValue } from './JsonValue';
import { SIDE_LABELS } from './sideLabels';

/** Attributes shown before "Show all"; creates and deletes list every attribute. */
const FIRST_ATTRIBUTES = 8;

const LABELS = SIDE_LABELS['current-planned'];

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { padding: theme.spacing(0.25, 0), overflowWrap: 'anywhere' },
  name: { fontFamily: 'monospace', fontWeight: 600 },
  muted: { color: theme.palette.text.secondary, fontStyle: 'italic' },
}));

/** One side of a change: its value, or why it shows none. */
function Side(props: { value: unknown; masked?: boolean; unknown?: boolean }) {
  const classes = useStyles();
  let note: string | undefined;
  if (props.unknown) {
    note = '(known after apply)';
  } else if (props.value === undefined) {
    note = '(not set)';
  } else if (props.masked) {
    note = '(sensitive, hidden)';
  }
  return note ? (
    <span className={classes.muted}>{note}</span>
  ) : (
    <JsonValue value={props.value} />
  );
}

function AttributeChange(props: { change: Difference }) {
  const classes = useStyles();
  const { path, desired, live, masked, knownAfterApply } = props.change;
  const name = terraformAttributeName(path);
  return (
    <li
      className={classes.item}
      data-testid="pragmatic-gitops-attribute-change"
    >
      <span className={classes.name} title={path}>
        {name}
      </span>{' '}
      <Side value={desired} masked={masked} /> →{' '}
      <Side value={live} masked={masked} unknown={knownAfterApply} />
    </li>
  );
}

/**
 * The attributes a planned change touches, each current → planned.
 * Sensitive values never reach the page: the backend masks them and they
 * read "sensitive, hidden".
 */
export function TerraformAttributeChanges(props: {
  address: string;
  changes: Difference[];
}) {
  const classes = useStyles();
  const [all, setAll] = useState(false);
  const { changes } = props;
  if (changes.length === 0) {
    return null;
  }
  const shown = all ? changes : changes.slice(0, FIRST_ATTRIBUTES);
  return (
    <div>
      <Typography variant="caption" color="textSecondary" component="div">
        {LABELS.desired} → {LABELS.live.toLowerCase()}
      </Typography>
      <ul
        className={classes.list}
        aria-label={`Attribute changes of ${props.address}`}
      >
        {shown.map(change => (
          <AttributeChange key={change.path} change={change} />
        ))}
      </ul>
      {changes.length > FIRST_ATTRIBUTES && (
        <Button
          size="small"
          color="primary"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all ? 'Show fewer' : `Show all ${changes.length} attributes`}
        </Button>
      )}
    </div>
  );
}
