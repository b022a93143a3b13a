import { Knex } from 'knex';
import { entityKey } from '../database/EntityStatusStore';
import { redactLiveState } from './redactSecrets';
import { StoredObservation } from './types';

/** Latest observation per entity and source; values redacted before writing. */
export class ObservationStore {
  constructor(private readonly db: Knex) {}

  async put(observation: StoredObservation): Promise<void> {
    const { entityRef, source, observedAt, ...state } =
      redactLiveState(observation);
    await this.db('observations')
      .insert({
        entity_ref: entityKey(entityRef),
        source,
        observed_at: observedAt,
        received_at: new Date(),
        payload: JSON.stringify(state),
      })
      .onConflict(['entity_ref', 'source'])
      .merge();
  }

  /** The latest observation of the entity from each source, newest first. */
  async latestPerSource(entityRef: string): Promise<StoredObservation[]> {
    const rows = await this.db('observations')
      .where({ entity_ref: entityKey(entityRef) })
      .orderBy('observed_at', 'desc');
    return rows.map(row => ({
      ...JSON.parse(row.payload),
      entityRef: row.entity_ref,
      source: row.source,
      observedAt:
        row.observed_at instanceof Date
          ? row.observed_at
          : new Date(row.observed_at),
    }));
  }
}
