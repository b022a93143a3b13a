import { Knex } from 'knex';

export type SeedHotfix = {
  entityRef: string;
  appliedAt: Date;
  recordedAt?: Date;
  title?: string;
  /** Events after `recorded`, e.g. `{ type: 'backported', at }`. */
  events?: Array<{
    type: string;
    status?: string;
    at: Date;
    actor?: string;
    detail?: Record<string, unknown>;
  }>;
};

/**
 * Writes hotfixes straight into the ledger tables, with the times a test
 * needs (the service would stamp "now"), in batches.
 */
export async function seedLedger(
  knex: Knex,
  hotfixes: SeedHotfix[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < hotfixes.length; i += 200) {
    const batch = hotfixes.slice(i, i + 200);
    await knex.transaction(async tx => {
      for (const hotfix of batch) {
        const recordedAt = hotfix.recordedAt ?? hotfix.appliedAt;
        const [row] = await tx('hotfixes')
          .insert({
            entity_ref: hotfix.entityRef,
            title: hotfix.title ?? `Hotfix of ${hotfix.entityRef}`,
            description: null,
            incident_url: 'https://incidents.example.com/INC-1',
            applied_by: 'user:default/alice',
            applied_at: hotfix.appliedAt,
            recorded_at: recordedAt,
            changes: JSON.stringify([
              {
                kind: 'Deployment',
                namespace: 'shop',
                name: 'web',
                paths: ['/spec/replicas'],
              },
            ]),
            idempotency_key: null,
          })
          .returning('id');
        const id = Number(typeof row === 'object' ? row.id : row);
        ids.push(id);
        await tx('hotfix_events').insert([
          {
            hotfix_id: id,
            type: 'recorded',
            status: 'pending-backport',
            actor: 'user:default/alice',
            at: recordedAt,
            detail: null,
          },
          ...(hotfix.events ?? []).map(event => ({
            hotfix_id: id,
            type: event.type,
            status: event.status ?? null,
            actor: event.actor ?? null,
            at: event.at,
            detail: event.detail ? JSON.stringify(event.detail) : null,
          })),
        ]);
      }
    });
  }
  return ids;
}
