import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  InfoCardVariants,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import { validateAnnotations } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { mergeFindings } from '../EntityTrackCard/mergeFindings';
import { bannerFindings, FindingsBanner } from '../FindingsBanner';
import { RevertAlarm } from '../HotfixList';
import { RetryableError } from '../RetryableError';
import { DriftStatusChip, statusSince } from '../DriftStatusChip';
import { formatDateTime } from '../../utils/time';
import { driftCounts } from './driftCounts';
import { useEntityStatusSignal } from '../../hooks/useEntityStatusSignal';
import { CARD_TITLE } from '../../utils/cardTitle';

/** @public */
export interface EntityDriftCardProps {
  variant?: InfoCardVariants;
  /** Path of the GitOps tab under the entity page; `gitops` by default. */
  tabPath?: string;
}

/**
 * Compact entity overview card: the drift status, since when, how many
 * resources are off, and a link to the GitOps tab.
 *
 * @public
 */
export function EntityDriftCard(props: EntityDriftCardProps) {
  const { entity } = useEntity();
  const api = useApi(pragmaticGitopsApiRef);
  const entityLink = useEntityRefLink();
  const kind = entity.kind;
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const status = useAsyncRetry(
    () => api.getEntityStatus({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  useEntityStatusSignal(entity, status.retry);
  const entityRef = stringifyEntityRef(entity);
  // Reverted hotfixes are closed, so the status does not list them.
  const reverted = useAsyncRetry(
    () =>
      api.listHotfixes({ entityRef, status: 'reverted', acknowledged: false }),
    [api, entityRef],
  );
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const alarms = (reverted.value?.items ?? []).filter(
    hotfix => !acknowledged.includes(hotfix.id),
  );
  const drift = status.value?.drift;
  const counts = drift && driftCounts(drift);
  const annotations = entity.metadata.annotations;
  const problems = useMemo(
    () => validateAnnotations(annotations),
    [annotations],
  );
  const findings = status.value
    ? mergeFindings({
        annotationProblems: problems,
        backendFindings: status.value.findings,
      })
    : [];

  return (
    <Box
      data-testid="pragmatic-gitops-drift-card"
      height={props.variant === 'gridItem' ? '100%' : undefined}
    >
      <InfoCard
        titleTypographyProps={CARD_TITLE}
        title="GitOps drift"
        variant={props.variant}
        deepLink={{
          title: 'See GitOps tab',
          link: `${entityLink(entity)}/${props.tabPath ?? 'gitops'}`,
        }}
      >
        {alarms.map(hotfix => (
          <Box mb={1} key={hotfix.id}>
            <RevertAlarm
              hotfix={hotfix}
              onAcknowledged={done => setAcknowledged(ids => [...ids, done.id])}
            />
          </Box>
        ))}
        {reverted.error && (
          <Box mb={1}>
            <RetryableError
              inline
              what="the revert alarms"
              error={reverted.error}
              onRetry={reverted.retry}
            />
          </Box>
        )}
        {status.loading && <Progress />}
        {status.error && (
          <RetryableError error={status.error} onRetry={status.retry} />
        )}
        {drift && (
          <>
            {bannerFindings(findings).length > 0 && (
              <Box mb={1}>
                <FindingsBanner findings={findings} />
              </Box>
            )}
            <Box display="flex" alignItems="center" flexWrap="wrap" mb={1}>
              <Box mr={1}>
                <DriftStatusChip status={drift.status} size="medium" />
              </Box>
              {drift.since && (
                <Typography
                  variant="body2"
                  title={formatDateTime(drift.since)}
                  data-testid="pragmatic-gitops-drift-since"
                >
                  {statusSince(drift.status, drift.since, drift.trackedSince)}
                </Typography>
              )}
            </Box>
            {counts && (
              <Typography
                variant="body2"
                data-testid="pragmatic-gitops-drift-counts"
              >
                {counts}
              </Typography>
            )}
            {drift.reason && (
              <Typography variant="body2" color="textSecondary">
                {drift.reason}
              </Typography>
            )}
          </>
        )}
      </InfoCard>
    </Box>
  );
}
