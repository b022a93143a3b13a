import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { SecretRef, SecretRefUsage } from '../../api/types';
import { isPlaintextInGit, ResolutionChip } from './ResolutionChip';

const useStyles = makeStyles(theme => ({
  mono: { fontFamily: 'monospace', overflowWrap: 'break-word' },
  usages: { margin: 0, paddingLeft: theme.spacing(2) },
}));

/** `vault/prod`, or the kind alone for the default store of a kind. */
export function storeLabel(store: SecretRef['store']): string {
  return store.name ? `${store.kind}/${store.name}` : store.kind;
}

function usageLabel(usage: SecretRefUsage): string {
  const workload = `${usage.kind} ${usage.name}`;
  return usage.container
    ? `${workload} · container ${usage.container}`
    : workload;
}

function Muted(props: { children: string }) {
  return (
    <Typography variant="body2" color="textSecondary" component="span">
      {props.children}
    </Typography>
  );
}

/**
 * One row per reference. Only the fields of a reference are read, one by
 * one: whatever else a response might carry is never rendered.
 */
export function SecretRefsTable(props: { secretRefs: SecretRef[] }) {
  const classes = useStyles();
  return (
    <TableContainer>
      <Table size="small" aria-label="Secret references">
        <TableHead style={{ whiteSpace: 'nowrap' }}>
          <TableRow>
            <TableCell>Store</TableCell>
            <TableCell>Key</TableCell>
            <TableCell>Property</TableCell>
            <TableCell>Via</TableCell>
            <TableCell>Used by</TableCell>
            <TableCell>Resolution</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.secretRefs.map((ref, index) => {
            const store = storeLabel(ref.store);
            const usedBy = ref.usedBy ?? [];
            return (
              <TableRow
                key={`${store}:${ref.key}#${ref.property ?? ''}-${index}`}
                data-testid="pragmatic-gitops-secret-ref"
                data-ref={`${store}:${ref.key}${
                  ref.property ? `#${ref.property}` : ''
                }`}
              >
                <TableCell className={classes.mono}>{store}</TableCell>
                <TableCell className={classes.mono}>
                  {ref.key}
                  {ref.version !== undefined && (
                    <Typography variant="caption" color="textSecondary">
                      {` (pinned v${ref.version})`}
                    </Typography>
                  )}
                </TableCell>
                <TableCell className={classes.mono}>
                  {ref.property ?? <Muted>—</Muted>}
                </TableCell>
                <TableCell>{ref.via}</TableCell>
                <TableCell>
                  {usedBy.length === 0 ? (
                    <Muted>—</Muted>
                  ) : (
                    <ul className={classes.usages}>
                      {usedBy.map((usage, i) => (
                        <li key={`${usageLabel(usage)}-${i}`}>
                          {usageLabel(usage)}
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
                <TableCell>
                  {ref.resolution ? (
                    <ResolutionChip
                      resolution={ref.resolution}
                      plaintextInGit={isPlaintextInGit(ref)}
                    />
                  ) : (
                    <Muted>—</Muted>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
