import {
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityGitopsStatus } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { EntityStatusStore } from '../database/EntityStatusStore';
import { annotationFindings, readTrack } from './annotationFindings';

/**
 * Answers "what is the GitOps status of this entity" for callers: reads the
 * entity from the catalog with the caller's own credentials (so catalog read
 * permissions apply) and joins it with the stored drift summary.
 */
export class EntityStatusService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly store: EntityStatusStore,
  ) {}

  async getEntityStatus(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityGitopsStatus> {
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog (or you may not read it)`,
      );
    }
    const entityRef = stringifyEntityRef(entity);
    const findings = annotationFindings(entity);
    const reading = readTrack(entity);

    if (reading.track === null) {
      return {
        entityRef,
        track: null,
        drift: reading.tracked
          ? { status: 'unknown', reason: reading.reason }
          : {
              status: 'not-tracked',
              reason: 'The entity has no pragmatic-gitops.io/track annotation',
            },
        findings,
      };
    }

    const stored = await this.store.get(entityRef);
    return {
      entityRef,
      track: reading.track,
      drift:
        stored && stored.track === reading.track
          ? { status: stored.status, ...(stored.reason ? { reason: stored.reason } : {}) }
          : { status: 'unknown', reason: 'Drift has not been computed yet' },
      findings,
    };
  }
}
