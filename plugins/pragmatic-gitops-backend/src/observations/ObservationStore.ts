import { Knex } from 'knex';
import { entityKey } from '../database/EntityStatusStore';
import { ParsedPayloads } from './ParsedPayloads';
import { redactLiveState } from './redactSecrets';
import { SecretDigest } from './secretDigest';
import { StoredObservation } from './types';

/** Latest observation per entity and source; values redacted before writing. */
export class ObservationStore {
  private readonly payloads = new ParsedPayloads();

  constructor(
    private readonly db: Knex,
    private readonly digest: SecretDigest,
  ) {}

  async put(observation: StoredObservation): Promise<void> {
    const { entityRef, source, observedAt, pushedBy, ...state } =
      redactLiveState(observation, this.digest);
    await this.db('observations')
      .insert({
        entity_ref: entityKey(entityRef),
        // One stream per caller and label: a caller replaces only its own.
        source: (pushedBy ? `${pushedBy} ${source}` : source).slice(0, 255),
        observed_at: observedAt,
        received_at: new Date(),
        payload: JSON.stringify({ ...state, label: source }),
      })
      .onConflict(['entity_ref', 'source'])
      .merge();
  }

  /** The latest observation of the entity from each source, newest first. */
  async latestPerSource(entityRef: string): Promise<StoredObservation[]> {
    const rows = await this.db('observations')
      .where({ entity_ref: entityKey(entityRef) })
      .orderBy('observed_at', 'desc');
    return rows.map(row => {
      const { label, ...state } = this.payloads.parse(
        `${row.entity_ref}\n${row.source}`,
        row.payload,
      );
      return {
        ...state,
        entityRef: row.entity_ref,
        source: label ?? row.source,
        observedAt:
          row.observed_at instanceof Date
            ? row.observed_at
            : new Date(row.observed_at),
      };
    });
  }
}
