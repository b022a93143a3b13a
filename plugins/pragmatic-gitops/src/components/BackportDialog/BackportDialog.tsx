import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Progress } from '@backstage/core-components';
import { pragmaticGitopsHotfixUpdatePermission } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { describeApiError } from '../../utils/apiErrorMessage';
import { BackportResult } from './BackportResult';
import { BackportState } from './useBackport';

/**
 * The back-port of one hotfix: progress while the backend writes it, then
 * the pull request or the patch, the fields left to the user, or the error
 * (a refusal, a hotfix no longer pending, the SCM's own) with a retry.
 */
export function BackportDialog(props: {
  hotfixId: string;
  state: BackportState;
  onRetry: () => void;
  onClose: () => void;
}) {
  const { hotfixId, state } = props;
  const title = `Back-port ${hotfixId}`;
  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="pragmatic-gitops-backport-title"
    >
      <DialogTitle id="pragmatic-gitops-backport-title">{title}</DialogTitle>
      <DialogContent data-testid="pragmatic-gitops-backport-dialog">
        {state.phase === 'generating' && (
          <Box data-testid="pragmatic-gitops-backport-progress">
            <Typography variant="body2" color="textSecondary">
              Writing the live values of the fields {hotfixId} touched into the
              manifests that declare them…
            </Typography>
            <Progress />
          </Box>
        )}
        {state.phase === 'failed' && (
          <Alert
            severity="error"
            data-testid="pragmatic-gitops-backport-error"
            action={
              <Button color="inherit" size="small" onClick={props.onRetry}>
                Retry
              </Button>
            }
          >
            {describeApiError(state.error, {
              action: `back-port ${hotfixId}`,
              permission: pragmaticGitopsHotfixUpdatePermission.name,
              refusalsExplained: true,
            })}
          </Alert>
        )}
        {state.phase === 'done' && <BackportResult backport={state.backport} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
