import {
  LiveStateProvider,
  LiveStateResult,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { ObservationStore } from '../../observations/ObservationStore';

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
    const observations = await this.store.latestPerSource(entityRef);
    return observations.map(
      ({ entityRef: _ref, ...observation }): LiveStateResult => ({
        type: 'observed',
        ...observation,
      }),
    );
  }
}
