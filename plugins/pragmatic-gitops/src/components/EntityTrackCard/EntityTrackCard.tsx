import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  InfoCard,
  InfoCardVariants,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_TRACK,
  validateAnnotations,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { pragmaticGitopsApiRef } from '../../api/PragmaticGitopsApi';
import { RetryableError } from '../RetryableError';
import { FindingsList } from './FindingsList';
import { mergeFindings } from './mergeFindings';
import { TrackSummary } from './TrackSummary';
import { useEntityStatusSignal } from '../../hooks/useEntityStatusSignal';
import { CARD_TITLE } from '../../utils/cardTitle';

/** @public */
export interface EntityTrackCardProps {
  variant?: InfoCardVariants;
}

/**
 * Entity page card: the deployment track the entity declares, and every
 * problem found with its Pragmatic GitOps annotations or by the backend.
 * Annotation problems are checked in the browser too, so they show even when
 * the backend cannot be reached.
 *
 * @public
 */
export function EntityTrackCard(props: EntityTrackCardProps) {
  const { entity } = useEntity();
  const api = useApi(pragmaticGitopsApiRef);
  const annotations = entity.metadata.annotations;
  const problems = useMemo(
    () => validateAnnotations(annotations),
    [annotations],
  );

  const kind = entity.kind;
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const status = useAsyncRetry(
    () => api.getEntityStatus({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  useEntityStatusSignal(entity, status.retry);

  const findings = mergeFindings({
    annotationProblems: problems,
    backendFindings: status.value?.findings,
    hideAnnotation: ANNOTATION_TRACK,
  });

  return (
    <Box
      data-testid="pragmatic-gitops-track-card"
      height={props.variant === 'gridItem' ? '100%' : undefined}
    >
      <InfoCard
        titleTypographyProps={CARD_TITLE}
        title="Deployment track"
        variant={props.variant}
        action={
          <IconButton
            aria-label="Reload deployment track"
            title="Reload"
            onClick={status.retry}
            disabled={status.loading}
          >
            <RefreshIcon />
          </IconButton>
        }
      >
        <TrackSummary annotations={annotations} problems={problems} />
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3">
            Findings
          </Typography>
          {findings.length > 0 && <FindingsList findings={findings} />}
          {status.loading && <Progress />}
          {status.error && (
            <RetryableError
              inline
              what="the findings"
              error={status.error}
              onRetry={status.retry}
              testId="pragmatic-gitops-status-error"
            />
          )}
          {status.value && findings.length === 0 && (
            <Typography variant="body2" color="textSecondary">
              No findings.
            </Typography>
          )}
        </Box>
      </InfoCard>
    </Box>
  );
}
