import { useMemo } from 'react';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  OverviewItem,
  OverviewSort,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { DriftStatusChip } from '../DriftStatusChip';
import {
  formatDate,
  formatDurationSince,
  heldSinceTrackingBegan,
} from '../../utils/time';
import { TrackChip } from '../EntityTrackCard/TrackChip';
import { formatDateTime } from '../../utils/time';
import { NO_VALID_TRACK } from './FleetTotals';

/** Page sizes offered below the table. */
export const PAGE_SIZES = [20, 50, 100];

const useStyles = makeStyles(theme => ({
  // One line, cut with an ellipsis; the whole reason on hover or focus.
  reason: {
    display: 'block',
    maxWidth: 420,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    borderRadius: theme.shape.borderRadius,
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}` },
  },
  nowrap: { whiteSpace: 'nowrap' },
}));

/** The order the table is in; a column's header shows and changes it. */
export type FleetOrder = { sort: OverviewSort; order: 'asc' | 'desc' };

function Reason(props: { reason?: string }) {
  const classes = useStyles();
  if (!props.reason) return null;
  return (
    <Tooltip title={props.reason} interactive>
      {/* Focusable, so the full reason is reachable by keyboard. */}
      <Typography
        variant="body2"
        component="span"
        className={classes.reason}
        tabIndex={0}
        aria-label={props.reason}
        data-testid="pragmatic-gitops-fleet-reason"
      >
        {props.reason}
      </Typography>
    </Tooltip>
  );
}

function Since(props: { item: OverviewItem }) {
  const classes = useStyles();
  const { since, trackedSince } = props.item;
  return (
    <time
      dateTime={since}
      title={formatDateTime(since)}
      className={classes.nowrap}
    >
      {heldSinceTrackingBegan(since, trackedSince)
        ? `since tracking began ${formatDate(trackedSince!)}`
        : formatDurationSince(since)}
    </time>
  );
}

/** Columns, with `sort` saying which server-side order each header sets. */
function columns(
  order: FleetOrder,
): Array<TableColumn<OverviewItem> & { sort?: OverviewSort }> {
  const sorted = (sort: OverviewSort) => ({
    sort,
    sorting: true,
    // The server sorts; the table must keep the order it was given.
    customSort: () => 0,
    ...(order.sort === sort ? { defaultSort: order.order } : {}),
  });
  return [
    {
      title: 'Entity',
      field: 'entityRef',
      ...sorted('name'),
      render: item => <EntityRefLink entityRef={item.entityRef} />,
    },
    {
      title: 'Owner',
      field: 'owner',
      ...sorted('owner'),
      render: item =>
        item.owner ? (
          <EntityRefLink entityRef={item.owner} defaultKind="group" />
        ) : null,
    },
    {
      title: 'Track',
      field: 'track',
      sorting: false,
      render: item =>
        item.track ? (
          <TrackChip track={item.track} size="small" />
        ) : (
          <Typography variant="body2" color="textSecondary" noWrap>
            {NO_VALID_TRACK}
          </Typography>
        ),
    },
    {
      title: 'Status',
      field: 'status',
      ...sorted('status'),
      render: item => <DriftStatusChip status={item.status} />,
    },
    {
      title: 'For',
      field: 'since',
      ...sorted('since'),
      render: item => <Since item={item} />,
    },
    {
      title: 'Reason',
      field: 'reason',
      sorting: false,
      render: item => <Reason reason={item.reason} />,
    },
  ];
}

/**
 * One page of fleet entities. Paging and sorting happen on the server: the
 * table is given the page it shows, its order and the total, and asks for
 * other pages and orders.
 */
export function FleetTable(props: {
  items: OverviewItem[];
  totalItems: number;
  page: number;
  pageSize: number;
  loading: boolean;
  order: FleetOrder;
  onPageChange: (page: number, pageSize: number) => void;
  onOrderChange: (order: FleetOrder) => void;
}) {
  const { order, onOrderChange } = props;
  const tableColumns = useMemo(() => columns(order), [order]);
  return (
    <Table<OverviewItem>
      title={`Entities (${props.totalItems})`}
      columns={tableColumns}
      data={props.items}
      page={props.page}
      totalCount={props.totalItems}
      isLoading={props.loading}
      onPageChange={props.onPageChange}
      onOrderChange={(index, direction) => {
        const sort = tableColumns[index]?.sort;
        onOrderChange(
          sort
            ? { sort, order: direction === 'desc' ? 'desc' : 'asc' }
            : { sort: 'status', order: 'asc' },
        );
      }}
      options={{
        paging: true,
        pageSize: props.pageSize,
        pageSizeOptions: PAGE_SIZES.includes(props.pageSize)
          ? PAGE_SIZES
          : [props.pageSize, ...PAGE_SIZES],
        search: false,
        sorting: true,
        padding: 'dense',
        emptyRowsWhenPaging: false,
        headerStyle: { whiteSpace: 'nowrap' },
        // Columns are not reordered by dragging: the drag handle is a tab
        // stop inside each sort button (nested interactive controls).
        draggable: false,
      }}
      emptyContent={
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ padding: 16 }}
        >
          No entities match these filters.
        </Typography>
      }
    />
  );
}
