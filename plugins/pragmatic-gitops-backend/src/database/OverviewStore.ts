import { Knex } from 'knex';
import { whereKeyIn } from './whereKeyIn';
import {
  DriftStatus,
  EntityStatusSummary,
  FleetOverview,
  OVERVIEW_FINDINGS,
  OverviewFinding,
  OverviewSort,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { entityKey } from './EntityStatusStore';
import { trackedSinceColumn, trackedSinceOf } from './trackedSince';

export type OverviewFilter = {
  /** `invalid`: entities that declare a track the product does not know. */
  track?: Track | 'invalid';
  status?: DriftStatus;
  /** Words in the ref, title, owner or reason, case-insensitive. */
  q?: string;
  /** Entities carrying this finding. */
  finding?: OverviewFinding;
  /** `hand`: entities with a difference made by a non-GitOps field manager. */
  changedBy?: 'hand';
  /** Lower-cased refs to keep (those with pending hotfixes, say); absent: all. */
  onlyKeys?: ReadonlySet<string>;
  sort?: OverviewSort;
  order?: 'asc' | 'desc';
  /** Normalised owner ref, e.g. group:default/team-payments. */
  owner?: string;
  /** Lower-cased refs of the entities the caller may read; absent: all. */
  readable?: ReadonlySet<string>;
  offset?: number;
  limit?: number;
};

const DEFAULT_LIMIT = 50;

type OverviewRow = {
  entity_ref: string;
  title: string | null;
  owner: string | null;
  track: Track | null;
  status: DriftStatus;
  reason: string | null;
  since: Date | string | number;
  tracked_since?: Date | string | number | null;
};

/** Entities of one track and status carrying the same finding codes. */
type Group = {
  track: Track | null;
  status: DriftStatus;
  codes: string[];
  count: number;
};

function totalsOf(groups: Group[]) {
  const byTrack: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  const findings = OVERVIEW_FINDINGS.map(() => 0);
  for (const group of groups) {
    const track = group.track ?? 'invalid';
    byTrack[track] = (byTrack[track] ?? 0) + group.count;
    byStatus[group.status] = (byStatus[group.status] ?? 0) + group.count;
    OVERVIEW_FINDINGS.forEach((code, i) => {
      if (group.codes.includes(code)) findings[i] += group.count;
    });
  }
  const [
    plaintextSecrets,
    encryptedSecrets,
    unresolvedSecretRefs,
    statefulInDeclarative,
  ] = findings;
  return {
    findings: {
      plaintextSecrets,
      encryptedSecrets,
      unresolvedSecretRefs,
      statefulInDeclarative,
    },
    byTrack,
    byStatus,
  };
}

/** The filtered count from the groups, when the filter uses only their columns. */
function countOf(groups: Group[], filter: OverviewFilter): number | undefined {
  if (filter.q?.trim() || filter.changedBy || filter.onlyKeys) {
    return undefined;
  }
  let count = 0;
  for (const group of groups) {
    if (
      filter.track === 'invalid'
        ? group.track !== null
        : filter.track && group.track !== filter.track
    )
      continue;
    if (filter.status && group.status !== filter.status) continue;
    if (filter.finding && !group.codes.includes(filter.finding)) continue;
    count += group.count;
  }
  return count;
}

/** Most severe first: what needs a person now, then what may, then calm. */
const SEVERITY: readonly DriftStatus[] = [
  'drifted',
  'unknown',
  'pending',
  'explained',
  'in-sync',
  'not-tracked',
];

/** `%`, `_` and the escape itself match literally in a LIKE pattern. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

/**
 * The fleet overview, answered from stored summaries with indexed queries:
 * nothing is recomputed per request. Totals cover the owner filter (the
 * whole fleet of that owner, as far as the caller may read it), items all
 * filters.
 */
export class OverviewStore {
  constructor(private readonly db: Knex) {}

  /**
   * One row per (track, status, finding codes) in the scope, in one grouped
   * query that only walks the covering index `(track, status, finding_codes)`:
   * the totals, and the filtered count when the filter uses nothing else.
   */
  private async groups(
    filter: Pick<OverviewFilter, 'owner' | 'readable'>,
  ): Promise<Group[]> {
    const rows = (await this.scoped(filter)
      .select('track', 'status', 'finding_codes')
      .count({ count: '*' })
      .groupBy('track', 'status', 'finding_codes')) as Array<{
      track: Track | null;
      status: DriftStatus;
      finding_codes: string | null;
      count: string | number;
    }>;
    return rows.map(row => ({
      track: row.track,
      status: row.status,
      codes: (row.finding_codes ?? '').split(' ').filter(Boolean),
      count: Number(row.count),
    }));
  }

  /** Lower-cased refs of the entities of one (normalised) owner. */
  async ownedKeys(owner: string): Promise<ReadonlySet<string>> {
    const rows = await this.db('entity_status')
      .where('owner', owner)
      .select('entity_ref');
    return new Set(rows.map(row => row.entity_ref));
  }

  private orderBy(query: Knex.QueryBuilder, filter: OverviewFilter) {
    const direction = filter.order ?? 'asc';
    switch (filter.sort ?? 'status') {
      case 'since':
        query.orderBy('since', direction);
        break;
      case 'name':
        query.orderByRaw(
          `lower(coalesce(title, entity_ref)) ${
            direction === 'desc' ? 'desc' : 'asc'
          }`,
        );
        break;
      case 'owner':
        query.orderByRaw(
          `owner ${direction === 'desc' ? 'desc' : 'asc'} nulls last`,
        );
        break;
      default:
        // One status: every row has the same severity, and without the
        // expression an index on (status, since, entity_ref) gives the page.
        if (filter.status) {
          query.orderBy('since', 'asc');
          break;
        }
        query
          .orderByRaw(
            `case status ${SEVERITY.map(
              (_, rank) => `when ? then ${rank}`,
            ).join(' ')} else ${SEVERITY.length} end ${
              direction === 'desc' ? 'desc' : 'asc'
            }`,
            [...SEVERITY],
          )
          // Longest in that state first.
          .orderBy('since', 'asc');
    }
    return query.orderBy('entity_ref', 'asc');
  }

  /** The entities the totals cover, for counts kept in other tables (hotfixes). */
  async scopeKeys(
    filter: Pick<OverviewFilter, 'owner' | 'readable'>,
  ): Promise<ReadonlySet<string> | undefined> {
    if (!filter.owner) {
      return filter.readable;
    }
    const rows: Array<{ entity_ref: string }> = await this.scoped(
      filter,
    ).select('entity_ref');
    return new Set(rows.map(row => row.entity_ref));
  }

  private scoped(filter: Pick<OverviewFilter, 'owner' | 'readable'>) {
    // SQLite looks a readable set up in the primary key's index and reads
    // each (large) row; the covering index answers from itself (see
    // migration 20261203020000_overview_covering_indexes).
    const query: Knex.QueryBuilder =
      filter.readable && this.db.client.dialect === 'sqlite3'
        ? this.db.from(
            this.db.raw('?? indexed by ??', [
              'entity_status',
              'entity_status_ref_overview_idx',
            ]),
          )
        : this.db('entity_status');
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
      if (filter.track === 'invalid') query.whereNull('track');
      else if (filter.track) query.where('track', filter.track);
      if (filter.status) query.where('status', filter.status);
      if (filter.finding) {
        query.where('finding_codes', 'like', `% ${filter.finding} %`);
      }
      if (filter.changedBy === 'hand') query.where('changed_by_hand', true);
      if (filter.onlyKeys) {
        whereKeyIn(this.db, query, 'entity_ref', filter.onlyKeys);
      }
      const q = filter.q?.trim();
      if (q) {
        const pattern = likePattern(q);
        query.where(inner => {
          for (const column of ['entity_ref', 'title', 'owner', 'reason']) {
            inner.orWhereRaw(`lower(coalesce(??, '')) like ? escape '\\'`, [
              column,
              pattern,
            ]);
          }
        });
      }
      return query;
    };

    const page = this.orderBy(
      filtered().select(
        'entity_ref',
        'title',
        'owner',
        'track',
        'status',
        'reason',
        'since',
      ),
      filter,
    )
      .offset(filter.offset ?? 0)
      .limit(filter.limit ?? DEFAULT_LIMIT);
    // Two queries when the filter uses only track, status and finding (the
    // count comes from the groups), else three. When tracking began is
    // looked up for the page's rows only, not for every row it is sorted from.
    const [groups, rows] = await Promise.all([
      this.groups(filter),
      this.orderBy(
        this.db
          .select('page.*', trackedSinceColumn(this.db, 'page.entity_ref'))
          .from(page.as('page')),
        filter,
      ) as Promise<OverviewRow[]>,
    ]);
    const count =
      countOf(groups, filter) ??
      Number((await filtered().count({ count: '*' }))[0].count);

    const trackedSince = (row: Parameters<typeof trackedSinceOf>[0]) => {
      const date = trackedSinceOf(row);
      return date ? { trackedSince: date.toISOString() } : {};
    };
    return {
      totals: totalsOf(groups),
      totalItems: count,
      items: rows.map(row => ({
        entityRef: row.entity_ref,
        ...(row.title ? { title: row.title } : {}),
        ...(row.owner ? { owner: row.owner } : {}),
        track: row.track ?? null,
        status: row.status,
        ...(row.reason ? { reason: row.reason } : {}),
        since: isoDate(row.since),
        ...trackedSince(row),
      })),
    };
  }
}

/** SQLite hands timestamps back as numbers or strings, PostgreSQL as Dates. */
function isoDate(value: Date | string | number): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
