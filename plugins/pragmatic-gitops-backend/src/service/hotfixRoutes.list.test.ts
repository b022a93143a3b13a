import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { component, newHotfix } from '../ledger/__testUtils__/fixtures';
import {
  serviceHeader,
  startHotfixBackend,
  userHeader,
} from '../ledger/__testUtils__/startHotfixBackend';

jest.setTimeout(60_000);

const BASE = '/api/pragmatic-gitops/hotfixes';
const HOUR = 60 * 60 * 1000;
const hoursAgo = (hours: number) =>
  new Date(Date.now() - hours * HOUR).toISOString();

describe('GET /hotfixes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;

  /** Four hotfixes with a 1 hour SLA: two overdue, one fresh, one closed. */
  async function seeded() {
    knex = await databases.init('SQLITE_3');
    const config = { pragmaticGitops: { hotfixes: { backportSla: 'PT1H' } } };
    const { server, hotfixes } = await startHotfixBackend({ knex, config });
    const ids: string[] = [];
    for (const [entityRef, appliedAt] of [
      ['component:default/web', hoursAgo(3)],
      ['component:default/payments-db', hoursAgo(2)],
      ['component:default/web', hoursAgo(0.5)],
      ['component:default/web', hoursAgo(5)],
    ]) {
      const res = await request(server)
        .post(BASE)
        .set('Authorization', userHeader())
        .send(newHotfix({ entityRef, appliedAt }));
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    await hotfixes.appendLifecycleEvent(ids[3], {
      type: 'reverted',
      detail: { via: 'live-reverted' },
    });
    const list = async (query = '', as = userHeader()) =>
      request(server).get(`${BASE}${query}`).set('Authorization', as);
    return { server, ids, list, config };
  }

  it('lists newest first with overdue computed from the configured SLA', async () => {
    const { ids, list } = await seeded();
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body.totalItems).toBe(4);
    expect(res.body.items.map((h: any) => h.id)).toEqual([...ids].reverse());
    const byId = Object.fromEntries(res.body.items.map((h: any) => [h.id, h]));
    expect(byId[ids[0]]).toMatchObject({
      status: 'pending-backport',
      overdue: true,
    });
    expect(byId[ids[2]]).toMatchObject({
      status: 'pending-backport',
      overdue: false,
    });
    expect(byId[ids[3]]).toMatchObject({ status: 'reverted', overdue: false });
    for (const hotfix of res.body.items) {
      expect(hotfix.events).toBeUndefined();
      expect(
        Date.parse(hotfix.backportDueAt) - Date.parse(hotfix.appliedAt),
      ).toBe(HOUR);
    }
  });

  it.each([
    ['?overdue=true', [1, 0]],
    ['?overdue=false', [3, 2]],
    ['?status=pending-backport', [2, 1, 0]],
    ['?status=reverted', [3]],
    ['?status=backported', []],
    ['?status=reverted&overdue=true', []],
    ['?entityRef=component:default/web', [3, 2, 0]],
    ['?entityRef=Component:default/WEB&overdue=true', [0]],
    ['?limit=2&offset=1', [2, 1]],
  ])('filters %s', async (query, expected) => {
    const { ids, list } = await seeded();
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(res.body.items.map((h: any) => h.id)).toEqual(
      expected.map(i => ids[i]),
    );
    // totalItems counts every match, not just the page.
    expect(res.body.totalItems).toBe(
      query.includes('limit') ? 4 : expected.length,
    );
  });

  it.each([
    ['?status=open', 'status'],
    ['?overdue=yes', 'overdue'],
    ['?limit=0', 'limit'],
    ['?colour=red', 'colour'],
    ['?entityRef=web', 'entityRef'],
  ])('rejects %s with 400 naming %s', async (query, field) => {
    const { list } = await seeded();
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });

  it('serves services too, and shows only hotfixes of entities the caller may read', async () => {
    const { ids, list, config } = await seeded();
    expect((await list('', serviceHeader())).body.totalItems).toBe(4);

    // The same ledger seen through a catalog that hides payments-db.
    const { server } = await startHotfixBackend({
      knex,
      config,
      entities: [component('web')],
    });
    const res = await request(server)
      .get(BASE)
      .set('Authorization', userHeader());
    expect(res.body.items.map((h: any) => h.id)).toEqual([
      ids[3],
      ids[2],
      ids[0],
    ]);
    expect(res.body.totalItems).toBe(3);
    const hidden = await request(server)
      .get(`${BASE}/${ids[1]}`)
      .set('Authorization', userHeader());
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).not.toContain('payments-db');
  });

  it('refuses to start with an invalid SLA, naming the key', async () => {
    knex = await databases.init('SQLITE_3');
    await expect(
      startHotfixBackend({
        knex,
        config: { pragmaticGitops: { hotfixes: { backportSla: 'soon' } } },
      }),
    ).rejects.toThrow('pragmaticGitops.hotfixes.backportSla');
  });
});
