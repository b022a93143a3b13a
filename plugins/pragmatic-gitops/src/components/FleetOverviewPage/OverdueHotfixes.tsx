import useAsync from 'react-use/esm/useAsync';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { Hotfix } from '../../api/types';
import { TimeAgo } from '../EntityDriftContent/TimeAgo';
import { ActorLink } from '../HotfixList/ActorLink';
import { formatDateTime } from '../../utils/time';

/** The most the backend gives in one page. */
const LIMIT = 500;

/** Longest overdue first: the back-port that was due earliest. */
function byDueDate(a: Hotfix, b: Hotfix): number {
  return Date.parse(a.backportDueAt) - Date.parse(b.backportDueAt);
}

function OverdueTable(props: { hotfixes: Hotfix[] }) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Overdue back-ports">
        <TableHead>
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
          {[...props.hotfixes].sort(byDueDate).map(hotfix => (
            <TableRow
              key={hotfix.id}
              data-testid="pragmatic-gitops-overdue-hotfix"
              data-hotfix={hotfix.id}
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
                <TimeAgo at={hotfix.backportDueAt} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * Hotfixes across the fleet whose back-port is overdue, longest overdue
 * first, each linking to its entity. Loaded on its own: a failure here
 * leaves the rest of the page working.
 */
export function OverdueHotfixes() {
  const api = useApi(pragmaticGitopsApiRef);
  const overdue = useAsync(
    () => api.listHotfixes({ overdue: true, limit: LIMIT }),
    [api],
  );
  const value = overdue.value;
  return (
    <InfoCard
      title={
        value
          ? `Overdue back-ports (${value.totalItems})`
          : 'Overdue back-ports'
      }
      subheader="Hotfixes applied by hand whose change is still not in Git"
    >
      <div data-testid="pragmatic-gitops-overdue-hotfixes">
        {overdue.loading && <Progress />}
        {overdue.error && <ResponseErrorPanel error={overdue.error} />}
        {value && value.items.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            No back-port is overdue.
          </Typography>
        )}
        {value && value.items.length > 0 && (
          <OverdueTable hotfixes={value.items} />
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
