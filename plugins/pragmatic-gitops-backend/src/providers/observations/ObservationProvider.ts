import {
  LiveStateProvider,
  LiveStateResult,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { ObservationStore } from '../../observations/ObservationStore';
import { StoredObservation } from '../../observations/types';

/**
 * Live state pushed by agents or loaded from the observation directory: the
 * latest observation of every source, each merged with what the other
 * providers observed (a CI job's Terraform plan beside Argo CD's objects).
 */
export class ObservationProvider implements LiveStateProvider {
  readonly name = 'observations';

  constructor(private readonly store: ObservationStore) {}

  async getLiveState(
    _entity: unknown,
    entityRef: string,
  ): Promise<LiveStateResult[]> {
    return asResults(await this.store.latestPerSource(entityRef));
  }

  /** For a fleet scan: the observations of a page of entities in one query. */
  async prefetch(entityRefs: string[]): Promise<LiveStateProvider> {
    const latest = await this.store.latestPerSourceOf(entityRefs);
    return {
      name: this.name,
      getLiveState: async (entity, entityRef) => {
        const observations = latest(entityRef);
        return observations
          ? asResults(observations)
          : this.getLiveState(entity, entityRef);
      },
    };
  }
}

function asResults(observations: StoredObservation[]): LiveStateResult[] {
  return observations.map(
    ({ entityRef: _ref, ...observation }): LiveStateResult => ({
      type: 'observed',
      ...observation,
    }),
  );
}
