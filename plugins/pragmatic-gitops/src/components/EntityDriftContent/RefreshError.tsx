import Alert from '@material-ui/lab/Alert';
import { ResponseError } from '@backstage/errors';
import { pragmaticGitopsRefreshPermission } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

function describe(error: Error): string {
  if (ResponseError.is(error) && error.statusCode === 403) {
    return `You are not allowed to refresh this entity: it takes the ${pragmaticGitopsRefreshPermission.name} permission.`;
  }
  const cause = ResponseError.is(error) ? error.cause?.message : undefined;
  return cause && cause !== error.message
    ? `Refresh failed: ${error.message} (${cause})`
    : `Refresh failed: ${error.message}`;
}

/** Why a refresh failed, shown next to the button that started it. */
export function RefreshError(props: { error: Error }) {
  return (
    <Alert severity="error" data-testid="pragmatic-gitops-refresh-error">
      {describe(props.error)}
    </Alert>
  );
}
