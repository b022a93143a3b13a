import { Knex } from 'knex';
import { whereKeyIn } from './whereKeyIn';
import {
  DriftStatus,
  EntityStatusSummary,
  FleetOverview,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { entityKey } from './EntityStatusStore';

export type OverviewFilter = {
  track?: Track;
  status?: DriftStatus;
  /** Normalised owner ref, e.g. group:default/team-payments. */
  owner?: string;
  /** Lower-cased refs of the entities the caller may read; absent: all. */
  readable?: ReadonlySet<string>;
  offset?: number;
  limit?: number;
};

const DEFAULT_LIMIT = 50;

const FINDING_CODES = [
  'plaintext-secret-in-git',
  'encrypted-secret-in-git',
  'unresolved-secret-ref',
  'stateful-in-declarative',
];

/**
 * The fleet overview, answered from stored summaries with indexed queries:
 * nothing is recomputed per request. Totals cover the owner filter (the
 * whole fleet of that owner, as far as the caller may read it), items all
 * filters.
 */
export class OverviewStore {
  constructor(private readonly db: Knex) {}

  /** How many entities carry each secret or track finding. */
  private async findingTotals(scoped: () => Knex.QueryBuilder) {
    const count = async (code: string) => {
      const [{ count: n }] = await scoped()
        .where('finding_codes', 'like', `% ${code} %`)
        .count({ count: '*' });
      return Number(n);
    };
    const [
      plaintextSecrets,
      encryptedSecrets,
      unresolvedSecretRefs,
      statefulInDeclarative,
    ] = await Promise.all(FINDING_CODES.map(count));
    return {
      plaintextSecrets,
      encryptedSecrets,
      unresolvedSecretRefs,
      statefulInDeclarative,
    };
  }

  /** The entities the totals cover, for counts kept in other tables (hotfixes). */
  async scopeKeys(
    filter: Pick<OverviewFilter, 'owner' | 'readable'>,
  ): Promise<ReadonlySet<string> | undefined> {
    if (!filter.owner) {
      return filter.readable;
    }
    const rows = await this.scoped(filter).select('entity_ref');
    return new Set(rows.map(row => row.entity_ref));
  }

  private scoped(filter: Pick<OverviewFilter, 'owner' | 'readable'>) {
    const query = this.db('entity_status');
    if (filter.owner) query.where('owner', filter.owner);
    if (filter.readable)
      whereKeyIn(this.db, query, 'entity_ref', filter.readable);
    return query;
  }

  /**
   * Stored summaries of the given entities in one query, keyed by the
   * stored (lower-cased) entity ref; entities never scanned are missing.
   */
  async summaries(
    entityRefs: string[],
  ): Promise<Map<string, EntityStatusSummary>> {
    const rows =
      entityRefs.length === 0
        ? []
        : await this.db('entity_status')
            .whereIn('entity_ref', entityRefs.map(entityKey))
            .select('entity_ref', 'track', 'status', 'reason', 'since');
    return new Map(
      rows.map(row => [
        row.entity_ref,
        {
          entityRef: row.entity_ref,
          track: row.track ?? null,
          status: row.status,
          ...(row.reason ? { reason: row.reason } : {}),
          since: isoDate(row.since),
        },
      ]),
    );
  }

  async overview(filter: OverviewFilter): Promise<FleetOverview> {
    const scoped = () => this.scoped(filter);
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

    const findings = await this.findingTotals(scoped);
    return {
      totals: {
        findings,
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
        since: isoDate(row.since),
      })),
    };
  }
}

/** SQLite hands timestamps back as numbers or strings, PostgreSQL as Dates. */
function isoDate(value: Date | string | number): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
