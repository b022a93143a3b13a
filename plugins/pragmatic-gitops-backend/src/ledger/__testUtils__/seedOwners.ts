/** Entities' owners as the scan stores them (what owner filters read). */
import { Knex } from 'knex';
import { EntityStatusStore } from '../../database/EntityStatusStore';

export async function seedOwners(
  knex: Knex,
  owners: Record<string, string>,
): Promise<void> {
  const status = new EntityStatusStore(knex);
  for (const [entityRef, owner] of Object.entries(owners)) {
    await status.put({
      entityRef,
      track: 'declarative',
      status: 'in-sync',
      owner,
      checkedAt: new Date(),
      detail: {},
    });
  }
}
