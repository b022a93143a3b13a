import { Fragment } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { PendingChanges } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { readableColor, surfaces } from '../../utils/contrast';
import { plural } from '../../utils/plural';
import { CARD_TITLE } from '../../utils/cardTitle';
import { TerraformAttributeChanges } from './TerraformAttributeChanges';

const useStyles = makeStyles((theme: Theme) => ({
  mono: { fontFamily: 'monospace' },
  chip: { marginRight: theme.spacing(0.5) },
  create: {
    color: readableColor(theme.palette.success.dark, surfaces(theme)),
    borderColor: theme.palette.success.main,
  },
  update: {
    color: readableColor(theme.palette.warning.dark, surfaces(theme)),
    borderColor: theme.palette.warning.main,
  },
  delete: {
    color: readableColor(theme.palette.error.dark, surfaces(theme)),
    borderColor: theme.palette.error.main,
  },
  other: {},
  list: { margin: 0, paddingLeft: theme.spacing(3) },
  changeRow: { '& > *': { borderBottom: 'unset' } },
  attributes: { paddingTop: 0 },
}));

type ActionClass = 'create' | 'update' | 'delete' | 'other';

function actionClass(action: string): ActionClass {
  return action === 'create' || action === 'update' || action === 'delete'
    ? action
    : 'other';
}

/** Where the plan came from (a link to the pipeline run when pushed with one) and what to do next. */
function PlanSourceAndNextStep(props: {
  source?: PendingChanges['terraformPlanSource'];
}) {
  const { source } = props;
  return (
    <Box mt={1} data-testid="pragmatic-gitops-plan-source">
      {source && (
        <Typography variant="body2">
          Plan from <code>{source.source}</code>
          {source.runUrl && (
            <>
              {' · '}
              <Link
                href={source.runUrl}
                target="_blank"
                rel="noopener noreferrer"
              >
                pipeline run
              </Link>
            </>
          )}
        </Typography>
      )}
      <Typography variant="body2" data-testid="pragmatic-gitops-next-step">
        <strong>Next step:</strong> run the apply pipeline to apply this plan
        (nothing is applied from here).
      </Typography>
    </Box>
  );
}

function TerraformChanges(props: {
  changes: NonNullable<PendingChanges['terraform']>;
}) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label="Terraform changes">
      <TableHead style={{ whiteSpace: 'nowrap' }}>
        <TableRow>
          <TableCell>Address</TableCell>
          <TableCell>Type</TableCell>
          <TableCell>Actions</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.changes.map(change => (
          <Fragment key={change.address}>
            <TableRow
              className={change.changes?.length ? classes.changeRow : undefined}
              data-testid="pragmatic-gitops-terraform-change"
            >
              <TableCell className={classes.mono}>{change.address}</TableCell>
              <TableCell className={classes.mono}>{change.type}</TableCell>
              <TableCell>
                {change.actions.map(action => (
                  <Chip
                    key={action}
                    size="small"
                    variant="outlined"
                    label={action}
                    className={`${classes.chip} ${
                      classes[actionClass(action)]
                    }`}
                    data-testid="pragmatic-gitops-terraform-action"
                  />
                ))}
              </TableCell>
            </TableRow>
            {change.changes && change.changes.length > 0 && (
              <TableRow>
                <TableCell colSpan={3} className={classes.attributes}>
                  <TerraformAttributeChanges
                    address={change.address}
                    changes={change.changes}
                  />
                </TableCell>
              </TableRow>
            )}
          </Fragment>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Imperative-track work waiting to be applied: the changes of the latest
 * Terraform plan, each attribute current → planned (sensitive ones
 * masked), where the plan came from and the next step; and the migrations
 * in Git that the database has not run.
 */
export function PendingChangesCard(props: { pending?: PendingChanges }) {
  const classes = useStyles();
  const terraform = props.pending?.terraform ?? [];
  const migrations = props.pending?.migrations?.notApplied ?? [];
  return (
    <InfoCard titleTypographyProps={CARD_TITLE} title="Pending changes">
      <div data-testid="pragmatic-gitops-pending">
        {terraform.length === 0 && migrations.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            Nothing is waiting to be applied.
          </Typography>
        )}
        {terraform.length > 0 && (
          <Box mb={2}>
            <Typography variant="subtitle2" component="h3">
              Terraform plan ({plural(terraform.length, 'change')})
            </Typography>
            <TerraformChanges changes={terraform} />
            <PlanSourceAndNextStep
              source={props.pending?.terraformPlanSource}
            />
          </Box>
        )}
        {migrations.length > 0 && (
          <div data-testid="pragmatic-gitops-migrations">
            <Typography variant="subtitle2" component="h3">
              Migrations not applied ({migrations.length})
            </Typography>
            <ul className={classes.list}>
              {migrations.map(migration => (
                <li key={migration} className={classes.mono}>
                  {migration}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </InfoCard>
  );
}
