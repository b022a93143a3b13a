import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { pragmaticGitopsHotfixUpdatePermission } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { Hotfix } from '../../api/types';
import { describeApiError } from '../../utils/apiErrorMessage';
import { backportTrailer, latestEvent } from './hotfixLinks';
import { formatRelativeTime } from '../../utils/time';

/** A reverted hotfix whose alarm nobody has taken on yet. */
export function isRevertAlarm(hotfix: Hotfix): boolean {
  return hotfix.status === 'reverted' && !hotfix.acknowledgedAt;
}

/**
 * The revert alarm: the controller undid an emergency fix, so production
 * is back to the state that needed fixing. Says what to do next (re-apply
 * and record, or back-port so the controller keeps it) and lets whoever
 * takes it on acknowledge it, which the ledger records.
 */
export function RevertAlarm(props: {
  hotfix: Hotfix;
  /** Shows which entity, where the page is not the entity's own. */
  showEntity?: boolean;
  onAcknowledged: (hotfix: Hotfix) => void;
}) {
  const api = useApi(pragmaticGitopsApiRef);
  const { hotfix } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const reverted = latestEvent(hotfix, 'reverted');
  const acknowledge = async () => {
    setBusy(true);
    setError(undefined);
    try {
      props.onAcknowledged(await api.acknowledgeHotfix(hotfix.id));
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };
  return (
    <Alert
      severity="error"
      data-testid="pragmatic-gitops-hotfix-reverted-alarm"
      data-hotfix={hotfix.id}
      action={
        <Button
          color="inherit"
          variant="outlined"
          size="small"
          disabled={busy}
          onClick={acknowledge}
        >
          Acknowledge
        </Button>
      }
    >
      <AlertTitle>
        Hotfix {hotfix.id} was reverted
        {props.showEntity && (
          <>
            {' on '}
            <EntityRefLink entityRef={hotfix.entityRef} />
          </>
        )}
      </AlertTitle>
      The controller undid &ldquo;{hotfix.title}&rdquo;
      {reverted ? ` ${formatRelativeTime(reverted.at)}` : ''} before it reached
      Git: production is back to the state that needed the fix.{' '}
      <strong>Next step:</strong> re-apply the fix and record it again, or
      back-port it to Git (a commit with a{' '}
      <code>{backportTrailer(hotfix.id)}</code> trailer) so the controller keeps
      it. Acknowledge once someone has taken it on.
      {error && (
        <Box mt={1} data-testid="pragmatic-gitops-acknowledge-error">
          {describeApiError(error, {
            action: `acknowledge the revert of ${hotfix.id}`,
            permission: pragmaticGitopsHotfixUpdatePermission.name,
          })}
        </Box>
      )}
    </Alert>
  );
}
