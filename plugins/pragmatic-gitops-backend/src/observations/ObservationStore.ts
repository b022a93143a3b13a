import { Knex } from 'knex';
import { entityKey } from '../database/EntityStatusStore';
import { whereKeyIn } from '../database/whereKeyIn';
import { ParsedPayloads } from './ParsedPayloads';
import { redactLiveState } from './redactSecrets';
import { SecretDigest } from './secretDigest';
import { StoredObservation } from './types';

/** Latest observation per entity and source; values redacted before writing. */
export class ObservationStore {
  /** Streams read one entity at a time (pushes, refreshes, entity pages). */
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
    return rows.map(row =>
      fromRow(
        row,
        this.payloads.parse(`${row.entity_ref}\n${row.source}`, row.payload),
      ),
    );
  }

  /**
   * `latestPerSource` of many entities in one query (a fleet scan reads a
   * page at a time). The answer parses an entity's payloads when asked, so
   * a page's worth of observations is not held parsed at once; refs not
   * given answer undefined.
   */
  async latestPerSourceOf(
    entityRefs: readonly string[],
  ): Promise<(entityRef: string) => StoredObservation[] | undefined> {
    const rowsByKey = new Map<string, ObservationRow[]>(
      entityRefs.map(ref => [entityKey(ref), []]),
    );
    if (rowsByKey.size > 0) {
      const rows: ObservationRow[] = await whereKeyIn(
        this.db,
        this.db('observations'),
        'entity_ref',
        [...rowsByKey.keys()],
      ).orderBy([
        { column: 'entity_ref' },
        { column: 'observed_at', order: 'desc' },
      ]);
      for (const row of rows) rowsByKey.get(row.entity_ref)?.push(row);
    }
    // Not kept parsed: a fleet scan would push out the streams pushed to.
    return entityRef =>
      rowsByKey
        .get(entityKey(entityRef))
        ?.map(row => fromRow(row, JSON.parse(row.payload)));
  }
}

type ObservationRow = {
  entity_ref: string;
  source: string;
  observed_at: Date | string | number;
  payload: string;
};

function fromRow(
  row: ObservationRow,
  payload: Record<string, any>,
): StoredObservation {
  const { label, ...state } = payload;
  return {
    ...state,
    entityRef: row.entity_ref,
    source: label ?? row.source,
    observedAt:
      row.observed_at instanceof Date
        ? row.observed_at
        : new Date(row.observed_at),
  };
}
