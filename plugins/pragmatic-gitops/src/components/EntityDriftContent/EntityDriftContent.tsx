import { useMemo } from 'react';
import Grid from '@material-ui/core/Grid';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { validateAnnotations } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { Hotfix } from '../../api/types';
import { mergeFindings } from '../EntityTrackCard/mergeFindings';
import {
  hasHotfixAlarms,
  HotfixBanners,
  HotfixesCard,
  AddedEntriesProvider,
  HotfixHighlightProvider,
  useEntityHotfixes,
} from '../HotfixList';
import { RecordHotfixButton } from '../RecordHotfixDialog';
import { RetryableError } from '../RetryableError';
import { SecretRefsCard } from '../SecretRefsCard';
import { DriftSummary } from './DriftSummary';
import { FindingsCard } from './FindingsCard';
import { HistoryCard } from './HistoryCard';
import { NotTrackedState } from './NotTrackedState';
import { PendingChangesCard } from './PendingChangesCard';
import { ResourcesTable } from './ResourcesTable';
import { useEntityDrift } from './useEntityDrift';

/**
 * The entity's "GitOps" tab: drift status and since when, which resources
 * and fields differ from Git (or, on the imperative track, what is waiting
 * to be applied) and which hotfix explains them, the hotfixes owed to Git,
 * secret references, findings, and the history of status changes. The
 * drift can be recomputed on demand, and a hotfix recorded.
 *
 * @public
 */
export function EntityDriftContent() {
  const { entity } = useEntity();
  const annotations = entity.metadata.annotations;
  const problems = useMemo(
    () => validateAnnotations(annotations),
    [annotations],
  );
  const entityRef = stringifyEntityRef(entity);
  const { status, history, refresh, reload, refreshing, refreshError } =
    useEntityDrift(entity);
  const hotfixes = useEntityHotfixes(entityRef);

  if (!status.value) {
    return (
      <div data-testid="pragmatic-gitops-drift-content">
        {status.loading && <Progress />}
        {status.error && (
          <RetryableError error={status.error} onRetry={reload} />
        )}
      </div>
    );
  }

  const { drift, track } = status.value;
  const findings = mergeFindings({
    annotationProblems: problems,
    backendFindings: status.value.findings,
  });

  if (drift.status === 'not-tracked') {
    return (
      <Grid container spacing={3} data-testid="pragmatic-gitops-drift-content">
        <Grid item xs={12}>
          <NotTrackedState reason={drift.reason} />
        </Grid>
        {findings.length > 0 && (
          <Grid item xs={12}>
            <FindingsCard findings={findings} />
          </Grid>
        )}
      </Grid>
    );
  }

  const resources = drift.resources ?? [];
  const showPending = track === 'imperative' || drift.pending !== undefined;
  const showResources = track !== 'imperative' || resources.length > 0;
  const knownHotfixes = hotfixes.hotfixes ?? status.value.hotfixes ?? [];
  // A recorded, back-ported or abandoned hotfix changes what is explained.
  const onHotfixChanged = (hotfix: Hotfix) => {
    hotfixes.update(hotfix);
    hotfixes.retry();
    reload();
  };
  return (
    <HotfixHighlightProvider hotfixes={knownHotfixes}>
      <Grid container spacing={3} data-testid="pragmatic-gitops-drift-content">
        <Grid item xs={12}>
          <DriftSummary
            status={status.value}
            findings={findings}
            onRefresh={refresh}
            refreshing={refreshing}
            refreshError={refreshError}
            actions={
              // Without a valid track there is no Git to owe a back-port to.
              track && (
                <RecordHotfixButton
                  entityRef={entityRef}
                  resources={resources}
                  track={track}
                  onRecorded={onHotfixChanged}
                />
              )
            }
          />
        </Grid>
        {hasHotfixAlarms(knownHotfixes) && (
          <Grid item xs={12}>
            <HotfixBanners
              hotfixes={knownHotfixes}
              onChanged={onHotfixChanged}
            />
          </Grid>
        )}
        {showPending && (
          <Grid item xs={12}>
            <PendingChangesCard pending={drift.pending} />
          </Grid>
        )}
        {showResources && (
          <Grid item xs={12}>
            <ResourcesTable resources={resources} />
          </Grid>
        )}
        <Grid item xs={12}>
          <AddedEntriesProvider resources={resources}>
            <HotfixesCard
              state={hotfixes}
              onChanged={onHotfixChanged}
              showBanners={false}
            />
          </AddedEntriesProvider>
        </Grid>
        <Grid item xs={12}>
          <SecretRefsCard secretRefs={status.value.secretRefs ?? []} />
        </Grid>
        <Grid item xs={12}>
          <FindingsCard findings={findings} />
        </Grid>
        <Grid item xs={12}>
          <HistoryCard history={history} />
        </Grid>
      </Grid>
    </HotfixHighlightProvider>
  );
}
