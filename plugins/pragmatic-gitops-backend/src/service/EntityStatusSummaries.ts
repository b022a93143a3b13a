import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityStatusSummary } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { entityKey } from '../database/EntityStatusStore';
import { OverviewStore } from '../database/OverviewStore';
import { readTrack } from './annotationFindings';

/** Only what deciding the track needs, so a page of refs stays cheap. */
const ENTITY_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.annotations',
];

/**
 * Track and drift status of many entities at once, for catalog tables. The
 * catalog is asked with the caller's credentials, so it applies
 * `catalog.entity.read` (conditional rules included) to every entity; what it
 * withholds is answered with `null`, exactly like the catalog's own
 * `POST /entities/by-refs`. Answered from stored summaries, never scanning.
 */
export class EntityStatusSummaries {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      overview: OverviewStore;
    },
  ) {}

  async byRefs(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Array<EntityStatusSummary | null>> {
    const refs = entityRefs.map(parseRef);
    if (refs.length === 0) {
      return [];
    }
    const { items: entities } = await this.options.catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: ENTITY_FIELDS },
      { credentials },
    );
    const stored = await this.options.overview.summaries(
      entities.flatMap(entity => (entity ? [stringifyEntityRef(entity)] : [])),
    );
    return entities.map(entity => (entity ? summaryOf(entity, stored) : null));
  }
}

/** The canonical form of one requested ref, or a 400 naming it. */
function parseRef(value: string, index: number): string {
  try {
    return stringifyEntityRef(parseEntityRef(value));
  } catch (error) {
    throw new InputError(
      `entityRefs[${index}] ${JSON.stringify(value)} is not an entity ref: ${
        (error as Error).message
      }`,
    );
  }
}

function summaryOf(
  entity: Entity,
  stored: Map<string, EntityStatusSummary>,
): EntityStatusSummary {
  const entityRef = stringifyEntityRef(entity);
  const reading = readTrack(entity);
  if (reading.track === null && !reading.tracked) {
    return { entityRef, track: null, status: 'not-tracked' };
  }
  const summary = stored.get(entityKey(entityRef));
  // A summary stored under another track predates the annotation's change.
  if (!summary || summary.track !== reading.track) {
    return {
      entityRef,
      track: reading.track,
      status: 'unknown',
      reason: 'Not scanned yet',
    };
  }
  return { ...summary, entityRef };
}
