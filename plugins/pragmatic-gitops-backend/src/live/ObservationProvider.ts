import { ObservationStore } from '../observations/ObservationStore';
import { LiveStateProvider, LiveStateResult } from './types';

/** Live state pushed by agents or loaded from the observation directory. */
export class ObservationProvider implements LiveStateProvider {
  readonly name = 'observations';

  constructor(private readonly store: ObservationStore) {}

  async getLiveState(
    _entity: unknown,
    entityRef: string,
  ): Promise<LiveStateResult> {
    const observation = await this.store.latest(entityRef);
    if (!observation) {
      return { type: 'none' };
    }
    const { entityRef: _ref, source, observedAt, ...state } = observation;
    return { type: 'observed', source, observedAt, ...state };
  }
}
