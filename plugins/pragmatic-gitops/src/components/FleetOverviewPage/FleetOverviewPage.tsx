import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import Box from '@material-ui/core/Box';
import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { RetryableError } from '../RetryableError';
import { BackportsOwed } from './BackportsOwed';
import { FleetFilterBar } from './FleetFilterBar';
import { FleetOrder, FleetTable, PAGE_SIZES } from './FleetTable';
import { FleetTotals } from './FleetTotals';
import { LedgerMetricsCard } from './LedgerMetricsCard';
import { RevertAlarms } from './RevertAlarms';
import { useFleetFilters } from './useFleetFilters';

/** @public */
export interface FleetOverviewPageProps {
  /** Rows per page at first; 20 by default. */
  pageSize?: number;
}

/**
 * The fleet overview, for platform leads: hotfixes the controller reverted,
 * how many entities are on each track and in each drift status, hotfixes
 * owed to Git and secrets found in Git (each tile a filter), every entity
 * with its status, for how long and why, searched, filtered and sorted on
 * the server, and the back-ports owed. The owner filter applies to every
 * section.
 *
 * @public
 */
export function FleetOverviewPage(props: FleetOverviewPageProps) {
  const api = useApi(pragmaticGitopsApiRef);
  const [filters, setFilters] = useFleetFilters();
  const { track, status, owner, q, finding, hotfixes } = filters;
  const order: FleetOrder = {
    sort: filters.sort ?? 'status',
    order: filters.order ?? 'asc',
  };

  // A page belongs to the filters and order it was chosen under: new ones
  // start again on the first page without asking for the old page first.
  const filterKey = [
    track,
    status,
    owner,
    q,
    finding,
    hotfixes,
    order.sort,
    order.order,
  ].join('|');
  const [paging, setPaging] = useState({
    filterKey,
    page: 0,
    pageSize: props.pageSize ?? PAGE_SIZES[0],
  });
  const page = paging.filterKey === filterKey ? paging.page : 0;
  const pageSize = paging.pageSize;

  const overview = useAsyncRetry(
    () =>
      api.getOverview({
        track,
        status,
        owner,
        q,
        finding,
        hotfixes,
        sort: order.sort,
        order: order.order,
        offset: page * pageSize,
        limit: pageSize,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, filterKey, page, pageSize],
  );
  const value = overview.value;

  return (
    <Page themeId="tool">
      <Header
        title="Pragmatic GitOps"
        subtitle="Deployment track and drift of every entity"
      />
      <Content>
        <div data-testid="pragmatic-gitops-fleet">
          <ContentHeader title="Fleet overview" />
          <Box mb={3}>
            <RevertAlarms owner={owner} />
          </Box>
          {value && (
            <Box mb={3}>
              <FleetTotals
                totals={value.totals}
                filters={filters}
                onChange={setFilters}
              />
            </Box>
          )}
          <Box mb={2}>
            <FleetFilterBar filters={filters} onChange={setFilters} />
          </Box>
          {overview.error && (
            <RetryableError error={overview.error} onRetry={overview.retry} />
          )}
          {!value && overview.loading && <Progress />}
          {value && (
            <FleetTable
              items={value.items}
              totalItems={value.totalItems}
              page={page}
              pageSize={pageSize}
              loading={overview.loading}
              order={order}
              onOrderChange={next =>
                setFilters({
                  // The default order is left out of the URL.
                  sort: next.sort === 'status' ? undefined : next.sort,
                  order: next.order === 'asc' ? undefined : next.order,
                })
              }
              onPageChange={(nextPage, nextPageSize) =>
                setPaging({
                  filterKey,
                  page: nextPageSize === pageSize ? nextPage : 0,
                  pageSize: nextPageSize,
                })
              }
            />
          )}
          <Box mt={3}>
            <BackportsOwed owner={owner} />
          </Box>
          <Box mt={3}>
            <LedgerMetricsCard owner={owner} />
          </Box>
        </div>
      </Content>
    </Page>
  );
}
