import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { component } from '../ledger/__testUtils__/fixtures';
import { seedOwners } from '../ledger/__testUtils__/seedOwners';
import { seedLedger } from '../ledger/__testUtils__/seedLedger';
import {
  serviceHeader,
  startHotfixBackend,
  userHeader,
} from '../ledger/__testUtils__/startHotfixBackend';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);
const entities = [component('web'), component('payments-db'), component('api')];

describe('GET /hotfixes/metrics', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function seeded(
    databaseId: Parameters<typeof databases.init>[0],
    deny: string[] = [],
  ) {
    const knex = await databases.init(databaseId);
    const { server } = await startHotfixBackend({ knex, entities, deny });
    await seedOwners(knex, {
      'component:default/web': 'group:default/team-shop',
      'component:default/payments-db': 'group:default/team-payments',
    });
    const backported = (recordedDaysAgo: number, leadHours: number) => ({
      type: 'backported',
      status: 'backported',
      at: new Date(Date.now() - recordedDaysAgo * DAY + leadHours * HOUR),
    });
    // Lead times 1..10 hours for web (back-ported in the window), 100 h for
    // payments-db; one back-ported before the window; two reverted.
    const seeds = [
      ...Array.from({ length: 10 }, (_, i) => ({
        entityRef: 'component:default/web',
        appliedAt: ago(5 * DAY),
        recordedAt: ago(5 * DAY),
        events: [backported(5, i + 1)],
      })),
      {
        entityRef: 'component:default/payments-db',
        appliedAt: ago(10 * DAY),
        events: [backported(10, 100)],
      },
      {
        entityRef: 'component:default/web',
        appliedAt: ago(60 * DAY),
        events: [backported(60, 1)],
      },
      {
        entityRef: 'component:default/payments-db',
        appliedAt: ago(2 * DAY),
        events: [{ type: 'reverted', status: 'reverted', at: ago(DAY) }],
      },
      {
        entityRef: 'component:default/api',
        appliedAt: ago(DAY),
        events: [{ type: 'reverted', status: 'reverted', at: ago(HOUR) }],
      },
    ];
    await seedLedger(knex, seeds);
    const get = (query = '', as = userHeader()) =>
      request(server)
        .get(`/api/pragmatic-gitops/hotfixes/metrics${query}`)
        .set('Authorization', as);
    return { get };
  }

  it.each(databases.eachSupportedId())(
    'answers lead time percentiles, reverts and hotfixes per owner over 30 days on %p',
    async databaseId => {
      const { get } = await seeded(databaseId);
      const res = await get();
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        from: expect.any(String),
        to: expect.any(String),
        windowDays: 30,
        // 11 lead times: 1..10 h and 100 h; nearest rank p50 = 6th, p90 = 10th.
        leadTime: {
          backported: 11,
          p50Seconds: 6 * 3600,
          p90Seconds: 10 * 3600,
        },
        reverted: 2,
        byOwner: [
          { owner: 'group:default/team-shop', hotfixes: 10 },
          { owner: 'group:default/team-payments', hotfixes: 2 },
          { hotfixes: 1 },
        ],
      });
      expect(Date.parse(res.body.to) - Date.parse(res.body.from)).toBe(
        30 * DAY,
      );

      const payments = await get('?owner=team-payments', serviceHeader());
      expect(payments.body).toMatchObject({
        leadTime: {
          backported: 1,
          p50Seconds: 100 * 3600,
          p90Seconds: 100 * 3600,
        },
        reverted: 1,
        byOwner: [{ owner: 'group:default/team-payments', hotfixes: 2 }],
      });
      const nobody = await get('?owner=team-nobody');
      expect(nobody.body).toMatchObject({
        leadTime: { backported: 0 },
        reverted: 0,
        byOwner: [],
      });
      expect(nobody.body.leadTime).not.toHaveProperty('p50Seconds');
    },
  );

  it.each(databases.eachSupportedId())(
    'counts nothing of entities the caller may not read, and names a bad owner, on %p',
    async databaseId => {
      const { get } = await seeded(databaseId, ['catalog.entity.read']);
      const res = await get();
      expect(res.body).toMatchObject({
        leadTime: { backported: 0 },
        reverted: 0,
        byOwner: [],
      });
      const bad = await get('?owner=user:default/');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/owner/);
      const anonymous = await get('', 'Bearer nope');
      expect(anonymous.status).toBe(401);
    },
  );
});
