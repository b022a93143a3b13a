import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import RefreshIcon from '@material-ui/icons/Refresh';
import { ResponseErrorPanel } from '@backstage/core-components';

/**
 * The backend's error, and a way to try again without reloading the page:
 * most failures here (a backend restarting, a timeout) pass.
 */
export function RetryableError(props: { error: Error; onRetry?: () => void }) {
  return (
    <div data-testid="pragmatic-gitops-error">
      <ResponseErrorPanel error={props.error} />
      {props.onRetry && (
        <Box mt={1}>
          <Button
            variant="outlined"
            color="primary"
            startIcon={<RefreshIcon />}
            onClick={props.onRetry}
          >
            Retry
          </Button>
        </Box>
      )}
    </div>
  );
}
