import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import IconButton from '@material-ui/core/IconButton';
import RefreshIcon from '@material-ui/icons/Refresh';
import { InfoCardVariants, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { RetryableError } from '../RetryableError';
import { SecretRefsCard } from './SecretRefsCard';
import { useEntityStatusSignal } from '../../hooks/useEntityStatusSignal';

/** @public */
export interface EntitySecretRefsCardProps {
  variant?: InfoCardVariants;
}

/**
 * Entity page card: the secrets the entity references — store, key,
 * property, what declares them, which workload and container use them —
 * and whether each exists in its store (with version and last update),
 * is missing, unchecked, or could not be checked. Never a value.
 *
 * @public
 */
export function EntitySecretRefsCard(props: EntitySecretRefsCardProps) {
  const { entity } = useEntity();
  const api = useApi(pragmaticGitopsApiRef);
  const kind = entity.kind;
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const status = useAsyncRetry(
    () => api.getEntityStatus({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  useEntityStatusSignal(entity, status.retry);
  return (
    <SecretRefsCard
      variant={props.variant}
      secretRefs={status.value ? status.value.secretRefs ?? [] : undefined}
      action={
        <IconButton
          aria-label="Reload secret references"
          title="Reload"
          onClick={status.retry}
          disabled={status.loading}
        >
          <RefreshIcon />
        </IconButton>
      }
    >
      {status.loading && !status.value && <Progress />}
      {status.error && (
        <RetryableError
          inline
          what="the secret references"
          error={status.error}
          onRetry={status.retry}
        />
      )}
    </SecretRefsCard>
  );
}
