import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import Box from '@material-ui/core/Box';
import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { FleetFilterBar } from './FleetFilterBar';
import { FleetTable, PAGE_SIZES } from './FleetTable';
import { FleetTotals } from './FleetTotals';
import { OverdueHotfixes } from './OverdueHotfixes';
import { useFleetFilters } from './useFleetFilters';

/** @public */
export interface FleetOverviewPageProps {
  /** Rows per page at first; 20 by default. */
  pageSize?: number;
}

/**
 * The fleet overview, for platform leads: how many entities are on each
 * track and in each drift status, hotfixes owed to Git and secrets found in
 * Git, every entity with its status, since when and why, filtered by track,
 * status and owner, and the hotfixes whose back-port is overdue.
 *
 * @public
 */
export function FleetOverviewPage(props: FleetOverviewPageProps) {
  const api = useApi(pragmaticGitopsApiRef);
  const [filters, setFilters] = useFleetFilters();
  const { track, status, owner } = filters;

  // A page belongs to the filters it was chosen under: new filters start
  // again on the first page without asking for the old page first.
  const filterKey = `${track}|${status}|${owner}`;
  const [paging, setPaging] = useState({
    filterKey,
    page: 0,
    pageSize: props.pageSize ?? PAGE_SIZES[0],
  });
  const page = paging.filterKey === filterKey ? paging.page : 0;
  const pageSize = paging.pageSize;

  const overview = useAsync(
    () =>
      api.getOverview({
        track,
        status,
        owner,
        offset: page * pageSize,
        limit: pageSize,
      }),
    [api, track, status, owner, page, pageSize],
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
          {overview.error && <ResponseErrorPanel error={overview.error} />}
          {!value && overview.loading && <Progress />}
          {value && (
            <FleetTable
              items={value.items}
              totalItems={value.totalItems}
              page={page}
              pageSize={pageSize}
              loading={overview.loading}
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
            <OverdueHotfixes />
          </Box>
        </div>
      </Content>
    </Page>
  );
}
