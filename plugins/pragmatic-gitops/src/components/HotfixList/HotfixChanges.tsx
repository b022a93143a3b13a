import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { HotfixChange } from '../../api/types';
import { useAddedEntryName } from './AddedEntries';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(3) },
  mono: { fontFamily: 'monospace' },
}));

/** `Deployment payments/payments-api`. */
export function changeLabel(
  change: Pick<HotfixChange, 'kind' | 'namespace' | 'name'>,
): string {
  const name = change.namespace
    ? `${change.namespace}/${change.name}`
    : change.name;
  return `${change.kind} ${name}`;
}

/**
 * A field by its pointer; an added list entry (`…/env/-`) by its key when
 * the entity's drift knows it, else in words; the pointer on hover.
 */
function PathName(props: {
  change: HotfixChange;
  path: string;
  hotfixId?: string;
}) {
  const name = useAddedEntryName(props.change, props.path, props.hotfixId);
  return name ? (
    <span title={props.path}>{name}</span>
  ) : (
    <code>{props.path}</code>
  );
}

/** What a hotfix changed: each resource and the fields it touched. */
export function HotfixChanges(props: {
  changes: HotfixChange[];
  /** The hotfix's id: its own added entries are named by their keys. */
  hotfixId?: string;
}) {
  const classes = useStyles();
  if (props.changes.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No resources recorded.
      </Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label="Changed resources">
      {props.changes.map((change, index) => (
        <li key={`${changeLabel(change)}-${index}`}>
          <span className={classes.mono}>{changeLabel(change)}</span>
          {change.paths && change.paths.length > 0 ? (
            <>
              {': '}
              {change.paths.map((path, i) => (
                <span key={path}>
                  {i > 0 && ', '}
                  <PathName
                    change={change}
                    path={path}
                    hotfixId={props.hotfixId}
                  />
                </span>
              ))}
            </>
          ) : (
            <Typography variant="caption" color="textSecondary">
              {' '}
              (whole resource)
            </Typography>
          )}
        </li>
      ))}
    </ul>
  );
}
