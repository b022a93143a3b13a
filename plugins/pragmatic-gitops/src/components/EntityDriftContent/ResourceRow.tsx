import { useState } from 'react';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';
import { ResourceDrift } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { ExplainedDifference, ExplainedResourceDrift } from '../../api/types';
import { ResourceStatusChip } from '../DriftStatusChip';
import { ExplainedByChip } from '../ExplainedByChip';
import { DifferenceList } from './DifferenceList';
import { SIDE_LABELS, sidesOf } from './sideLabels';

const useStyles = makeStyles(theme => ({
  row: { '& > *': { borderBottom: 'unset' } },
  name: { fontFamily: 'monospace' },
  details: { paddingTop: 0, paddingBottom: 0 },
  muted: { color: theme.palette.text.secondary },
  chips: { display: 'inline-flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
}));

/** `namespace/name`, or the name of a cluster-scoped resource. */
export function resourceName(resource: ResourceDrift): string {
  return resource.namespace
    ? `${resource.namespace}/${resource.name}`
    : resource.name;
}

/** True when an open hotfix explains the resource or every one of its differences. */
export function isExplained(resource: ExplainedResourceDrift): boolean {
  const differences: ExplainedDifference[] = resource.differences ?? [];
  return (
    Boolean(resource.explainedBy) ||
    (differences.length > 0 &&
      differences.every(difference => Boolean(difference.explainedBy)))
  );
}

/**
 * One resource of the table; expands to its differences. The user's choice
 * to expand or collapse holds for the status it was made under: a resource
 * that becomes drifted through a live update opens to show what differs.
 */
export function ResourceRow(props: {
  resource: ExplainedResourceDrift;
  defaultExpanded: boolean;
}) {
  const classes = useStyles();
  const { resource } = props;
  const [choice, setChoice] = useState<{ status: string; expanded: boolean }>();
  const expanded =
    choice?.status === resource.status
      ? choice.expanded
      : props.defaultExpanded;
  const setExpanded = (next: boolean) =>
    setChoice({ status: resource.status, expanded: next });
  const label = `${resource.kind} ${resourceName(resource)}`;
  const differences = resource.differences ?? [];
  const ignored = resource.ignored ?? [];
  return (
    <>
      <TableRow
        className={classes.row}
        data-testid="pragmatic-gitops-resource"
        data-resource={`${resource.kind}/${resourceName(resource)}`}
      >
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-label={`${expanded ? 'Collapse' : 'Expand'} ${label}`}
            aria-expanded={expanded}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
          </IconButton>
        </TableCell>
        <TableCell>
          {resource.kind}
          <div className={classes.muted}>{resource.apiVersion}</div>
        </TableCell>
        <TableCell>
          <span className={classes.name}>{resourceName(resource)}</span>
          {resource.source && (
            <div
              className={classes.muted}
              data-testid="pragmatic-gitops-resource-source"
            >
              from {resource.source}
            </div>
          )}
        </TableCell>
        <TableCell>
          <span className={classes.chips}>
            <ResourceStatusChip
              status={resource.status}
              explained={isExplained(resource)}
            />
            {resource.explainedBy && (
              <ExplainedByChip hotfixId={resource.explainedBy} />
            )}
          </span>
        </TableCell>
        <TableCell align="right">{differences.length}</TableCell>
        <TableCell align="right" className={classes.muted}>
          {ignored.length}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell className={classes.details} colSpan={6}>
          <Collapse in={expanded} timeout="auto" unmountOnExit>
            <div data-testid="pragmatic-gitops-resource-details">
              <DifferenceList
                differences={differences}
                ignored={ignored}
                labels={SIDE_LABELS[sidesOf(resource)]}
              />
            </div>
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}
