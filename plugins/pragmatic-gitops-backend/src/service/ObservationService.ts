import {
  BackstageCredentials,
  BackstageServicePrincipal,
} from '@backstage/backend-plugin-api';
import {
  EntityGitopsDetails,
  pragmaticGitopsObservationCreatePermission,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { EntityAccess } from '../ledger/EntityAccess';
import { ObservationStore } from '../observations/ObservationStore';
import { Observation } from '../observations/types';
import {
  parseObservationEntityRef,
  parseObservedAt,
  rejectFutureObservedAt,
} from '../observations/validateObservation';
import { rejectUnknownFields } from '../schema/rejectUnknownFields';
import { EntityStatusService } from './EntityStatusService';

/** Accepts pushed observations and recomputes the entity at once. */
export class ObservationService {
  constructor(
    private readonly options: {
      observations: ObservationStore;
      entityStatus: EntityStatusService;
      access: EntityAccess;
    },
  ) {}

  /**
   * Stores what a service observed. Which stream it replaces is decided by
   * who the caller is (the external-access subject or the calling plugin),
   * so one agent cannot overwrite another's; the body's `source` is only the
   * label shown beside it.
   */
  async push(
    observation: Observation,
    credentials: BackstageCredentials<BackstageServicePrincipal>,
  ): Promise<EntityGitopsDetails> {
    rejectUnknownFields(observation, 'Observation');
    const entityRef = parseObservationEntityRef(observation.entityRef);
    const now = new Date();
    const observedAt = rejectFutureObservedAt(
      parseObservedAt(observation.observedAt, now),
      now,
    );
    const entity = await this.options.entityStatus.getEntity(
      entityRef,
      credentials,
    );
    await this.options.access.authorize(
      pragmaticGitopsObservationCreatePermission,
      entity,
      credentials,
      'push observations',
    );
    const { entityRef: _ref, observedAt: _at, ...state } = observation;
    await this.options.observations.put({
      ...state,
      entityRef,
      observedAt,
      pushedBy: credentials.principal.subject,
    });
    return this.options.entityStatus.statusOf(entity, { rescan: true });
  }
}
