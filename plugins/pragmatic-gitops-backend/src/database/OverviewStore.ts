import { Knex } from 'knex';
import {
  DriftStatus,
  Overview,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

export type OverviewFilter = {
  track?: Track;
  status?: DriftStatus;
  /** Normalised owner ref, e.g. group:default/team-payments. */
  owner?: string;
  offset?: number;
  limit?: number;
};

const DEFAULT_LIMIT = 50;

/**
 * The fleet overview, answered from stored summaries with indexed queries:
 * nothing is recomputed per request. Totals cover the owner filter (the
 * whole fleet of that owner), items all filters.
 */
export class OverviewStore {
  constructor(private readonly db: Knex) {}

  async overview(filter: OverviewFilter): Promise<Overview> {
    const scoped = () => {
      const query = this.db('entity_status');
      if (filter.owner) query.where('owner', filter.owner);
      return query;
    };
    const filtered = () => {
      const query = scoped();
      if (filter.track) query.where('track', filter.track);
      if (filter.status) query.where('status', filter.status);
      return query;
    };

    type GroupRow = {
      track?: string | null;
      status?: string;
      count: string | number;
    };
    const [byTrackRows, byStatusRows, [{ count }], rows] = await Promise.all([
      scoped()
        .select('track')
        .count({ count: '*' })
        .groupBy('track') as Promise<GroupRow[]>,
      scoped()
        .select('status')
        .count({ count: '*' })
        .groupBy('status') as Promise<GroupRow[]>,
      filtered().count({ count: '*' }),
      filtered()
        .select(
          'entity_ref',
          'title',
          'owner',
          'track',
          'status',
          'reason',
          'since',
        )
        .orderBy([
          { column: 'since', order: 'asc' },
          { column: 'entity_ref', order: 'asc' },
        ])
        .offset(filter.offset ?? 0)
        .limit(filter.limit ?? DEFAULT_LIMIT),
    ]);

    return {
      totals: {
        byTrack: Object.fromEntries(
          byTrackRows.map(row => [row.track ?? 'invalid', Number(row.count)]),
        ),
        byStatus: Object.fromEntries(
          byStatusRows.map(row => [row.status, Number(row.count)]),
        ),
      },
      totalItems: Number(count),
      items: rows.map(row => ({
        entityRef: row.entity_ref,
        ...(row.title ? { title: row.title } : {}),
        ...(row.owner ? { owner: row.owner } : {}),
        track: row.track ?? null,
        status: row.status,
        ...(row.reason ? { reason: row.reason } : {}),
        since: (row.since instanceof Date
          ? row.since
          : new Date(row.since)
        ).toISOString(),
      })),
    };
  }
}
