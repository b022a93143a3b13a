import { useEffect, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import Link from '@material-ui/core/Link';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { alpha, makeStyles } from '@material-ui/core/styles';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';
import { Hotfix } from '../../api/types';
import { TimeAgo } from '../EntityDriftContent/TimeAgo';
import { ActorLink } from './ActorLink';
import { HotfixActions } from './HotfixActions';
import { HotfixDetails } from './HotfixDetails';
import { useHotfixHighlight } from './HotfixHighlight';
import { HotfixStatusChip } from './HotfixStatusChip';
import { backportLink } from './hotfixLinks';
import { OverdueBadge } from './OverdueBadge';
import { isOpen } from './sortHotfixes';
import { useHotfixEvents } from './useHotfixEvents';

const useStyles = makeStyles(theme => ({
  row: { '& > *': { borderBottom: 'unset' }, scrollMarginTop: '96px' },
  highlighted: {
    backgroundColor: alpha(theme.palette.info.main, 0.12),
    transition: 'background-color 0.3s',
  },
  id: { fontFamily: 'monospace', fontWeight: 600, whiteSpace: 'nowrap' },
  links: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1.5) },
  status: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  details: { paddingTop: 0, paddingBottom: 0 },
}));

/** The HTML id of a hotfix's row, for links to it. */
export function hotfixAnchor(id: string): string {
  return `pragmatic-gitops-hotfix-${id}`;
}

/**
 * One hotfix: id, title with its incident and back-port links, status and
 * overdue badge, who applied it and when, and the actions of an open one.
 * Expands to its details and event timeline. An "explained by" chip
 * elsewhere on the page scrolls here, expands the row and highlights it.
 */
export function HotfixRow(props: {
  hotfix: Hotfix;
  onChanged: (hotfix: Hotfix, done: string) => void;
}) {
  const classes = useStyles();
  const [expanded, setExpanded] = useState(false);
  const { highlighted } = useHotfixHighlight();
  const rowRef = useRef<HTMLTableRowElement>(null);
  const events = useHotfixEvents(props.hotfix, expanded);
  const hotfix = events.hotfix;
  const isHighlighted = highlighted?.id === hotfix.id;

  useEffect(() => {
    if (isHighlighted) {
      setExpanded(true);
      rowRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    }
  }, [isHighlighted, highlighted?.request]);

  const backport = backportLink(hotfix);
  const label = `${hotfix.id} ${hotfix.title}`;
  return (
    <>
      <TableRow
        ref={rowRef}
        id={hotfixAnchor(hotfix.id)}
        className={`${classes.row} ${isHighlighted ? classes.highlighted : ''}`}
        data-testid="pragmatic-gitops-hotfix"
        data-hotfix={hotfix.id}
        data-highlighted={isHighlighted ? 'true' : undefined}
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
        <TableCell className={classes.id}>{hotfix.id}</TableCell>
        <TableCell>
          <div>{hotfix.title}</div>
          <div className={classes.links}>
            {hotfix.incidentUrl && (
              <Link
                href={hotfix.incidentUrl}
                target="_blank"
                rel="noopener noreferrer"
                variant="caption"
              >
                Incident
              </Link>
            )}
            {backport && (
              <Link
                href={backport}
                target="_blank"
                rel="noopener noreferrer"
                variant="caption"
              >
                Back-port
              </Link>
            )}
          </div>
        </TableCell>
        <TableCell>
          <div className={classes.status}>
            <HotfixStatusChip status={hotfix.status} />
            {isOpen(hotfix) && hotfix.overdue && (
              <OverdueBadge dueAt={hotfix.backportDueAt} />
            )}
          </div>
        </TableCell>
        <TableCell>
          <ActorLink actor={hotfix.appliedBy} />
        </TableCell>
        <TableCell>
          <TimeAgo at={hotfix.appliedAt} />
        </TableCell>
        <TableCell>
          {isOpen(hotfix) && (
            <HotfixActions hotfix={hotfix} onChanged={props.onChanged} />
          )}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell className={classes.details} colSpan={7}>
          <Collapse in={expanded} timeout="auto" unmountOnExit>
            <Box>
              <HotfixDetails
                hotfix={hotfix}
                eventsLoading={events.loading}
                eventsError={events.error}
                onRetryEvents={events.retry}
              />
            </Box>
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}
