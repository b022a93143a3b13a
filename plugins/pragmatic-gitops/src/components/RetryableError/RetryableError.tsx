import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { ResponseErrorPanel } from '@backstage/core-components';
import { backendMessage } from '../../utils/apiErrorMessage';

function RetryButton(props: { onRetry: () => void; size?: 'small' }) {
  return (
    <Button
      variant="outlined"
      color="primary"
      size={props.size}
      startIcon={<RefreshIcon />}
      onClick={props.onRetry}
    >
      Retry
    </Button>
  );
}

/**
 * The backend's error, and a way to try again without reloading the page:
 * most failures here (a backend restarting, a timeout) pass.
 *
 * A page shows one full error panel, for what it is about (the fleet table,
 * the entity's status); the sections beside it that fail with it give
 * `inline` and `what`, one line each ("Could not load the status history:
 * …"), so an outage does not stack the same panel several times.
 */
export function RetryableError(props: {
  error: Error;
  onRetry?: () => void;
  inline?: boolean;
  /** What could not be loaded, for the inline line: "the status history". */
  what?: string;
  testId?: string;
}) {
  const testId = props.testId ?? 'pragmatic-gitops-error';
  if (props.inline) {
    return (
      <Alert
        severity="error"
        data-testid={testId}
        action={
          props.onRetry && <RetryButton onRetry={props.onRetry} size="small" />
        }
      >
        {props.what ? `Could not load ${props.what}: ` : ''}
        {backendMessage(props.error)}
      </Alert>
    );
  }
  return (
    <div data-testid={testId}>
      <ResponseErrorPanel error={props.error} />
      {props.onRetry && (
        <Box mt={1}>
          <RetryButton onRetry={props.onRetry} />
        </Box>
      )}
    </div>
  );
}
