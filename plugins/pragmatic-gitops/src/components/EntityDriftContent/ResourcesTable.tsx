import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { ExplainedResourceDrift } from '../../api/types';
import { isExplained, ResourceRow } from './ResourceRow';
import { CARD_TITLE } from '../../utils/cardTitle';
import { isTerraformResources, WORDING } from './terraformWording';

const STATUS_ORDER: Record<string, number> = {
  drifted: 0,
  missing: 1,
  extra: 2,
  'in-sync': 3,
};

/**
 * Drifted, missing and extra resources first, unexplained before
 * explained, then by kind and name.
 */
function sortResources(
  resources: ExplainedResourceDrift[],
): ExplainedResourceDrift[] {
  return [...resources].sort(
    (a, b) =>
      (STATUS_ORDER[a.status] ?? 4) - (STATUS_ORDER[b.status] ?? 4) ||
      Number(isExplained(a)) - Number(isExplained(b)) ||
      a.kind.localeCompare(b.kind) ||
      (a.namespace ?? '').localeCompare(b.namespace ?? '') ||
      a.name.localeCompare(b.name),
  );
}

/**
 * Every resource compared with Git. Rows that are not in sync start
 * expanded, so what differs is visible without a click.
 */
export function ResourcesTable(props: { resources: ExplainedResourceDrift[] }) {
  const drifted = props.resources.filter(r => r.status !== 'in-sync').length;
  const words =
    WORDING[isTerraformResources(props.resources) ? 'terraform' : 'kubernetes'];
  return (
    <InfoCard
      titleTypographyProps={CARD_TITLE}
      title="Resources"
      subheader={`${drifted} of ${props.resources.length} not in sync`}
    >
      <div data-testid="pragmatic-gitops-resources">
        {props.resources.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No resources have been compared yet.
          </Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-label="Resources">
              <TableHead style={{ whiteSpace: 'nowrap' }}>
                <TableRow>
                  <TableCell padding="checkbox" />
                  <TableCell>{words.kind}</TableCell>
                  <TableCell>{words.name}</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell align="right">Differences</TableCell>
                  <TableCell align="right">Ignored</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {sortResources(props.resources).map(resource => (
                  <ResourceRow
                    key={`${resource.apiVersion}/${resource.kind}/${resource.namespace}/${resource.name}`}
                    resource={resource}
                    defaultExpanded={resource.status !== 'in-sync'}
                  />
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </div>
    </InfoCard>
  );
}
