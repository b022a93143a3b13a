import { HotfixMetrics } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { Knex } from 'knex';
import { whereKeyIn } from '../database/whereKeyIn';
import { epochMillis } from './epochMillis';

export type HotfixMetricsScope = {
  from: Date;
  to: Date;
  /** Normalised owner ref: only hotfixes of this owner's entities. */
  owner?: string;
  /** Lower-cased refs the caller may read; absent: all. */
  readable?: ReadonlySet<string>;
};

/**
 * Ledger metrics answered by the database: counts are grouped in SQL and a
 * percentile is one ordered row picked by offset (nearest rank), so no
 * hotfix is loaded to compute them. The owner of a hotfix is its entity's
 * owner as last stored by the scan.
 */
export class HotfixMetricsStore {
  constructor(private readonly db: Knex) {}

  async metrics(
    scope: HotfixMetricsScope,
  ): Promise<Omit<HotfixMetrics, 'windowDays'>> {
    const [leadTime, reverted, byOwner] = await Promise.all([
      this.leadTime(scope),
      this.countEvents(scope, 'reverted'),
      this.byOwner(scope),
    ]);
    return {
      from: scope.from.toISOString(),
      to: scope.to.toISOString(),
      leadTime,
      reverted,
      byOwner,
    };
  }

  /** Hotfixes of the scope (alias `h`, owner from `s`). */
  private hotfixes(scope: HotfixMetricsScope): Knex.QueryBuilder {
    const query = this.db('hotfixes as h').leftJoin(
      'entity_status as s',
      's.entity_ref',
      'h.entity_ref',
    );
    if (scope.owner) query.where('s.owner', scope.owner);
    if (scope.readable)
      whereKeyIn(this.db, query, 'h.entity_ref', scope.readable);
    return query;
  }

  /** Hotfixes of the scope with their event of `type` in the window (alias `e`). */
  private withEvent(scope: HotfixMetricsScope, type: string) {
    return this.hotfixes(scope)
      .join('hotfix_events as e', 'e.hotfix_id', 'h.id')
      .where('e.type', type)
      .where('e.at', '>=', scope.from)
      .where('e.at', '<', scope.to);
  }

  private async countEvents(
    scope: HotfixMetricsScope,
    type: string,
  ): Promise<number> {
    const [{ n }] = await this.withEvent(scope, type).count({ n: '*' });
    return Number(n);
  }

  private async leadTime(
    scope: HotfixMetricsScope,
  ): Promise<HotfixMetrics['leadTime']> {
    const backported = await this.countEvents(scope, 'backported');
    if (backported === 0) return { backported };
    const lead = this.db.raw('(? - ?)', [
      epochMillis(this.db, 'e.at'),
      epochMillis(this.db, 'h.recorded_at'),
    ]);
    const percentile = async (p: number) => {
      const row = await this.withEvent(scope, 'backported')
        .select({ ms: lead })
        .orderByRaw('? asc', [lead])
        .offset(Math.ceil(p * backported) - 1)
        .limit(1)
        .first();
      return Math.max(0, Math.round(Number(row.ms) / 1000));
    };
    const [p50Seconds, p90Seconds] = await Promise.all([
      percentile(0.5),
      percentile(0.9),
    ]);
    return { backported, p50Seconds, p90Seconds };
  }

  private async byOwner(
    scope: HotfixMetricsScope,
  ): Promise<HotfixMetrics['byOwner']> {
    const rows: Array<{ owner: string | null; n: string | number }> =
      await this.hotfixes(scope)
        .where('h.recorded_at', '>=', scope.from)
        .where('h.recorded_at', '<', scope.to)
        .select('s.owner')
        .count({ n: '*' })
        .groupBy('s.owner');
    return rows
      .map(row => ({
        ...(row.owner ? { owner: row.owner } : {}),
        hotfixes: Number(row.n),
      }))
      .sort(
        (a, b) =>
          b.hotfixes - a.hotfixes ||
          (a.owner ?? '\uffff').localeCompare(b.owner ?? '\uffff'),
      );
  }
}
