import Typography from '@material-ui/core/Typography';
import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OverviewItem } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { DriftStatusChip } from '../DriftStatusChip';
import { TrackChip } from '../EntityTrackCard/TrackChip';
import { formatDateTime, formatRelativeTime } from '../../utils/time';

/** Page sizes offered below the table. */
export const PAGE_SIZES = [20, 50, 100];

// Module-level so the table keeps its state between renders.
const COLUMNS: TableColumn<OverviewItem>[] = [
  {
    title: 'Entity',
    field: 'entityRef',
    render: item => <EntityRefLink entityRef={item.entityRef} />,
  },
  { title: 'Title', field: 'title' },
  {
    title: 'Owner',
    field: 'owner',
    render: item =>
      item.owner ? (
        <EntityRefLink entityRef={item.owner} defaultKind="group" />
      ) : null,
  },
  {
    title: 'Track',
    field: 'track',
    render: item =>
      item.track ? (
        <TrackChip track={item.track} size="small" />
      ) : (
        <Typography variant="body2" color="textSecondary">
          none
        </Typography>
      ),
  },
  {
    title: 'Status',
    field: 'status',
    render: item => <DriftStatusChip status={item.status} />,
  },
  {
    title: 'Since',
    field: 'since',
    render: item => (
      <time dateTime={item.since} title={formatDateTime(item.since)}>
        {formatRelativeTime(item.since)}
      </time>
    ),
  },
  { title: 'Reason', field: 'reason' },
];

/**
 * One page of fleet entities. Paging happens on the server: the table is
 * given the page it shows and the total, and asks for other pages.
 */
export function FleetTable(props: {
  items: OverviewItem[];
  totalItems: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  return (
    <Table<OverviewItem>
      title={`Entities (${props.totalItems})`}
      columns={COLUMNS}
      data={props.items}
      page={props.page}
      totalCount={props.totalItems}
      isLoading={props.loading}
      onPageChange={props.onPageChange}
      options={{
        paging: true,
        pageSize: props.pageSize,
        pageSizeOptions: PAGE_SIZES.includes(props.pageSize)
          ? PAGE_SIZES
          : [props.pageSize, ...PAGE_SIZES],
        search: false,
        sorting: false,
        padding: 'dense',
        emptyRowsWhenPaging: false,
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
