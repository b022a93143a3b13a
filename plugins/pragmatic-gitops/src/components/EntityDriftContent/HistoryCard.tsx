import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityDriftState } from './useEntityDrift';
import { StatusHistory } from './StatusHistory';

/** The status history of the entity, loaded on its own. */
export function HistoryCard(props: { history: EntityDriftState['history'] }) {
  const { value, loading, error } = props.history;
  return (
    <InfoCard title="Status history">
      <div data-testid="pragmatic-gitops-history">
        {loading && !value && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && <StatusHistory transitions={value.transitions} />}
      </div>
    </InfoCard>
  );
}
