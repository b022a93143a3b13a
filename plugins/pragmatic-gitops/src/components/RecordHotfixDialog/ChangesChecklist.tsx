import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import DeleteIcon from '@material-ui/icons/Delete';
import { ChangeItem } from './changeItems';
import { ChangedByNote } from '../ChangedByNote';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { borderBottom: `1px solid ${theme.palette.divider}` },
  paths: {
    listStyle: 'none',
    margin: 0,
    paddingLeft: theme.spacing(4),
    paddingBottom: theme.spacing(0.5),
  },
  mono: { fontFamily: 'monospace' },
  note: { marginLeft: theme.spacing(1) },
}));

function resourceLabel(item: ChangeItem): string {
  const name = item.namespace ? `${item.namespace}/${item.name}` : item.name;
  return `${item.kind} ${name}`;
}

function Note(props: { children: string }) {
  const classes = useStyles();
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="span"
      className={classes.note}
    >
      {props.children}
    </Typography>
  );
}

/**
 * "What was changed": each resource with a checkbox, and under it each
 * field that differs from Git. Resources added by hand can be removed.
 */
export function ChangesChecklist(props: {
  items: ChangeItem[];
  /** Imperative entities compare with what Terraform last applied, not with Git. */
  imperative?: boolean;
  disabled?: boolean;
  onToggleItem: (key: string) => void;
  onTogglePath: (key: string, path: string) => void;
  onRemove: (key: string) => void;
}) {
  const classes = useStyles();
  if (props.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.imperative
          ? 'Terraform found nothing changed outside it in the last plan.'
          : 'Nothing differs from Git right now.'}{' '}
        Add the resources you changed by hand below.
      </Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label="What was changed">
      {props.items.map(item => {
        const label = resourceLabel(item);
        return (
          <li
            key={item.key}
            className={classes.item}
            data-testid="pragmatic-gitops-hotfix-change"
            data-resource={item.key}
          >
            <Box display="flex" alignItems="center">
              <FormControlLabel
                control={
                  <Checkbox
                    checked={item.selected}
                    onChange={() => props.onToggleItem(item.key)}
                    disabled={props.disabled}
                    color="primary"
                  />
                }
                label={<span className={classes.mono}>{label}</span>}
              />
              {item.status && <Note>{item.status}</Note>}
              {item.explainedBy && (
                <Note>{`already explained by ${item.explainedBy}`}</Note>
              )}
              {item.manual && (
                <IconButton
                  size="small"
                  aria-label={`Remove ${label}`}
                  onClick={() => props.onRemove(item.key)}
                  disabled={props.disabled}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              )}
            </Box>
            {item.paths.length > 0 && (
              <ul className={classes.paths} aria-label={`Fields of ${label}`}>
                {item.paths.map(path => (
                  <li key={path.path}>
                    <FormControlLabel
                      control={
                        <Checkbox
                          size="small"
                          checked={path.selected}
                          onChange={() =>
                            props.onTogglePath(item.key, path.path)
                          }
                          disabled={props.disabled}
                          color="primary"
                        />
                      }
                      label={
                        path.label ? (
                          <span title={path.path}>{path.label}</span>
                        ) : (
                          <code className={classes.mono}>{path.path}</code>
                        )
                      }
                    />
                    <ChangedByNote changedBy={path.changedBy} />
                    {path.explainedBy && (
                      <Note>{`already explained by ${path.explainedBy}`}</Note>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {item.selected &&
              item.paths.length > 0 &&
              !item.paths.some(path => path.selected) && (
                <Box pl={4} pb={0.5}>
                  <Note>No field checked: the whole resource is recorded.</Note>
                </Box>
              )}
          </li>
        );
      })}
    </ul>
  );
}
