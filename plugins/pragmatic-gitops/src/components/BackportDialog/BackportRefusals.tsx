import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { BackportRefusal } from '../../api/types';
import { changeLabel } from '../HotfixList/HotfixChanges';

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(3) },
  mono: { fontFamily: 'monospace' },
}));

/** `Deployment payments/payments-api /spec/replicas`, or the field alone. */
function fieldLabel(refusal: BackportRefusal): string {
  const path = refusal.path || '(whole resource)';
  return refusal.resource ? `${changeLabel(refusal.resource)} ${path}` : path;
}

/**
 * The fields the back-port leaves to the user, each with the reason the
 * backend gave (a secret value, a field no plain manifest declares, a
 * Terraform resource…): what to change by hand.
 */
export function BackportRefusals(props: { refused: BackportRefusal[] }) {
  const classes = useStyles();
  if (props.refused.length === 0) {
    return null;
  }
  return (
    <div data-testid="pragmatic-gitops-backport-refused">
      <Typography variant="subtitle2" component="h3">
        Left to you ({props.refused.length})
      </Typography>
      <ul className={classes.list} aria-label="Fields left to you">
        {props.refused.map((refusal, index) => (
          <li key={`${fieldLabel(refusal)}-${index}`} data-code={refusal.code}>
            <span className={classes.mono}>{fieldLabel(refusal)}</span>
            {': '}
            {refusal.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
