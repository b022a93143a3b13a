import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import ErrorOutlineIcon from '@material-ui/icons/ErrorOutline';
import InfoIcon from '@material-ui/icons/Info';
import WarningIcon from '@material-ui/icons/Warning';
import {
  Finding,
  FindingSeverity,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

const useStyles = makeStyles(theme => ({
  critical: { color: theme.palette.error.dark },
  error: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.main },
  info: { color: theme.palette.info.main },
  icon: { minWidth: theme.spacing(5) },
  // Findings name files and JSON pointers: long words wrap, never clip.
  text: { overflowWrap: 'anywhere', minWidth: 0 },
}));

const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  critical: 'Critical',
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

const SEVERITY_ICONS = {
  critical: ErrorIcon,
  error: ErrorOutlineIcon,
  warning: WarningIcon,
  info: InfoIcon,
};

function describe(finding: Finding): string {
  const label = SEVERITY_LABELS[finding.severity] ?? finding.severity;
  return [label, finding.code, finding.location].filter(Boolean).join(' · ');
}

/** Findings, one line each, with a severity icon and colour. */
export function FindingsList(props: { findings: Finding[] }) {
  const classes = useStyles();
  return (
    <List dense disablePadding aria-label="Findings">
      {props.findings.map((finding, index) => {
        const Icon = SEVERITY_ICONS[finding.severity] ?? InfoIcon;
        return (
          <ListItem
            key={`${finding.code}-${index}`}
            disableGutters
            data-testid="pragmatic-gitops-finding"
            data-severity={finding.severity}
          >
            <ListItemIcon className={classes.icon}>
              <Icon
                className={classes[finding.severity] ?? classes.info}
                titleAccess={SEVERITY_LABELS[finding.severity]}
              />
            </ListItemIcon>
            <ListItemText
              className={classes.text}
              primary={finding.message}
              secondary={describe(finding)}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
