import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { Hotfix } from '../../api/types';
import { TimeAgo } from '../EntityDriftContent/TimeAgo';
import { ActorLink } from '../HotfixList/ActorLink';
import { OverdueBadge } from '../HotfixList/OverdueBadge';
import { RetryableError } from '../RetryableError';
import { formatDateTime } from '../../utils/time';
import { CARD_TITLE } from '../../utils/cardTitle';

/** The most the backend gives in one page. */
const LIMIT = 500;

/** Overdue first, the one due earliest at the top; then by due date. */
function byDueDate(a: Hotfix, b: Hotfix): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    Date.parse(a.backportDueAt) - Date.parse(b.backportDueAt)
  );
}

/** Rows shown at a time: the list can hold hundreds across a large fleet. */
const ROWS_PER_PAGE = [10, 25, 50];

function OwedTable(props: { hotfixes: Hotfix[] }) {
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(ROWS_PER_PAGE[0]);
  const sorted = [...props.hotfixes].sort(byDueDate);
  const shown = sorted.slice(page * rowsPerPage, (page + 1) * rowsPerPage);
  return (
    <TableContainer>
      <Table size="small" aria-label="Back-ports owed">
        <TableHead style={{ whiteSpace: 'nowrap' }}>
          <TableRow>
            <TableCell>ID</TableCell>
            <TableCell>Entity</TableCell>
            <TableCell>Title</TableCell>
            <TableCell>Applied by</TableCell>
            <TableCell>Applied</TableCell>
            <TableCell>Back-port due</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(hotfix => (
            <TableRow
              key={hotfix.id}
              data-testid="pragmatic-gitops-owed-hotfix"
              data-hotfix={hotfix.id}
              data-overdue={hotfix.overdue}
            >
              <TableCell style={{ fontFamily: 'monospace' }}>
                {hotfix.id}
              </TableCell>
              <TableCell>
                <EntityRefLink entityRef={hotfix.entityRef} />
              </TableCell>
              <TableCell>{hotfix.title}</TableCell>
              <TableCell>
                <ActorLink actor={hotfix.appliedBy} />
              </TableCell>
              <TableCell>
                <TimeAgo at={hotfix.appliedAt} />
              </TableCell>
              <TableCell title={formatDateTime(hotfix.backportDueAt)}>
                {hotfix.overdue ? (
                  <OverdueBadge dueAt={hotfix.backportDueAt} />
                ) : (
                  <TimeAgo at={hotfix.backportDueAt} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {sorted.length > ROWS_PER_PAGE[0] && (
        <TablePagination
          component="div"
          count={sorted.length}
          page={page}
          rowsPerPage={rowsPerPage}
          rowsPerPageOptions={ROWS_PER_PAGE}
          onPageChange={(_, next) => setPage(next)}
          onRowsPerPageChange={event => {
            setRowsPerPage(Number(event.target.value));
            setPage(0);
          }}
        />
      )}
    </TableContainer>
  );
}

/**
 * Every back-port owed to Git across the fleet (or one owner's part of
 * it): pending hotfixes, overdue ones first, each linking to its entity.
 * Loaded on its own: a failure here leaves the rest of the page working.
 */
export function BackportsOwed(props: { owner?: string }) {
  const api = useApi(pragmaticGitopsApiRef);
  const { owner } = props;
  const owed = useAsyncRetry(
    () =>
      api.listHotfixes({
        status: 'pending-backport',
        ...(owner ? { owner } : {}),
        limit: LIMIT,
      }),
    [api, owner],
  );
  const value = owed.value;
  const overdue = value?.items.filter(hotfix => hotfix.overdue).length ?? 0;
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE}
      title={
        value
          ? `Back-ports owed (${value.totalItems}${
              overdue ? `, ${overdue} overdue` : ''
            })`
          : 'Back-ports owed'
      }
      subheader="Hotfixes applied by hand whose change is not in Git yet"
    >
      <div data-testid="pragmatic-gitops-backports-owed">
        {owed.loading && <Progress />}
        {owed.error && (
          <RetryableError
            inline
            what="the back-ports owed"
            error={owed.error}
            onRetry={owed.retry}
          />
        )}
        {value && value.items.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            No back-port is owed.
          </Typography>
        )}
        {value && value.items.length > 0 && (
          <OwedTable hotfixes={value.items} />
        )}
        {value && value.totalItems > value.items.length && (
          <Typography variant="caption" color="textSecondary">
            Showing {value.items.length} of {value.totalItems}.
          </Typography>
        )}
      </div>
    </InfoCard>
  );
}
