import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import Box from '@material-ui/core/Box';
import { useApi } from '@backstage/core-plugin-api';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { RevertAlarm } from '../HotfixList';
import { RetryableError } from '../RetryableError';

/** The most the backend gives in one page. */
const LIMIT = 500;

/**
 * Every hotfix the controller reverted that nobody has acknowledged, across
 * the fleet (or one owner's part): the product's loudest alarm, at the top
 * of the page. Nothing when there is none.
 */
export function RevertAlarms(props: { owner?: string }) {
  const api = useApi(pragmaticGitopsApiRef);
  const { owner } = props;
  const reverted = useAsyncRetry(
    () =>
      api.listHotfixes({
        status: 'reverted',
        acknowledged: false,
        ...(owner ? { owner } : {}),
        limit: LIMIT,
      }),
    [api, owner],
  );
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const alarms = (reverted.value?.items ?? []).filter(
    hotfix => !acknowledged.includes(hotfix.id),
  );
  if (reverted.error) {
    return (
      <RetryableError
        inline
        what="the revert alarms"
        error={reverted.error}
        onRetry={reverted.retry}
      />
    );
  }
  if (alarms.length === 0) return null;
  return (
    <Box
      display="flex"
      flexDirection="column"
      style={{ gap: 8 }}
      data-testid="pragmatic-gitops-revert-alarms"
    >
      {alarms.map(hotfix => (
        <RevertAlarm
          key={hotfix.id}
          hotfix={hotfix}
          showEntity
          onAcknowledged={done => setAcknowledged(ids => [...ids, done.id])}
        />
      ))}
    </Box>
  );
}
