import { InfoCard, Progress } from '@backstage/core-components';
import { RetryableError } from '../RetryableError';
import { EntityDriftState } from './useEntityDrift';
import { StatusHistory } from './StatusHistory';
import { CARD_TITLE } from '../../utils/cardTitle';

/** The status history of the entity, loaded on its own. */
export function HistoryCard(props: { history: EntityDriftState['history'] }) {
  const { value, loading, error } = props.history;
  return (
    <InfoCard titleTypographyProps={CARD_TITLE} title="Status history">
      <div data-testid="pragmatic-gitops-history">
        {loading && !value && <Progress />}
        {error && (
          <RetryableError
            inline
            what="the status history"
            error={error}
            onRetry={props.history.retry}
          />
        )}
        {value && <StatusHistory transitions={value.transitions} />}
      </div>
    </InfoCard>
  );
}
