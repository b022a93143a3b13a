import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { EntityGitopsDetails } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { ObservationStore } from '../observations/ObservationStore';
import { Observation } from '../observations/types';
import {
  parseObservationEntityRef,
  parseObservedAt,
  rejectUnknownFields,
} from '../observations/validateObservation';
import { EntityStatusService } from './EntityStatusService';

/** Accepts pushed observations and recomputes the entity at once. */
export class ObservationService {
  constructor(
    private readonly options: {
      observations: ObservationStore;
      entityStatus: EntityStatusService;
    },
  ) {}

  async push(
    observation: Observation,
    credentials: BackstageCredentials,
  ): Promise<EntityGitopsDetails> {
    rejectUnknownFields(observation);
    const entityRef = parseObservationEntityRef(observation.entityRef);
    const observedAt = parseObservedAt(observation.observedAt, new Date());
    const entity = await this.options.entityStatus.getEntity(
      entityRef,
      credentials,
    );
    const { entityRef: _ref, observedAt: _at, ...state } = observation;
    await this.options.observations.put({ ...state, entityRef, observedAt });
    return this.options.entityStatus.statusOf(entity, { rescan: true });
  }
}
