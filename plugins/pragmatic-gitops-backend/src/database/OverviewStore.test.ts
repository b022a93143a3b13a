import { TestDatabases } from '@backstage/backend-test-utils';
import { EntityStatusStore } from './EntityStatusStore';
import { migrationsDir } from './migrateDatabase';
import { OverviewStore } from './OverviewStore';

jest.setTimeout(60_000);

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 10));

/** name, title, owner, track, status, days since, finding codes. */
const FLEET: Array<
  [string, string | undefined, string, any, any, number, string[]]
> = [
  ['web', 'Checkout Web', 'team-shop', 'declarative', 'in-sync', 3, []],
  ['api', 'Payments API', 'team-pay', 'declarative', 'drifted', 5, []],
  [
    'db',
    'Payments DB',
    'team-pay',
    'operator',
    'explained',
    2,
    ['plaintext-secret-in-git'],
  ],
  ['cdn', undefined, 'team-edge', 'imperative', 'pending', 4, []],
  ['legacy', 'Legacy 100%_reports', 'team-shop', null, 'unknown', 1, []],
  ['kafka', 'Events Kafka', 'team-data', 'operator', 'drifted', 1, []],
];

describe('OverviewStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function seeded(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrationsDir });
    const statuses = new EntityStatusStore(knex);
    for (const [name, title, owner, track, status, since, codes] of FLEET) {
      const entityRef = `component:default/${name}`;
      // Tracking began on day 1 for all; the status changed on `since`.
      await statuses.put({
        entityRef,
        track,
        status: status === 'in-sync' ? 'unknown' : 'in-sync',
        owner: `group:default/${owner}`,
        ...(title ? { title } : {}),
        checkedAt: day(1),
        detail: { findings: [] },
      });
      await statuses.put({
        entityRef,
        track,
        status,
        owner: `group:default/${owner}`,
        ...(title ? { title } : {}),
        checkedAt: day(since + 1),
        detail: {
          findings: codes.map(code => ({
            code,
            severity: 'critical',
            message: code,
          })),
        },
      });
    }
    return new OverviewStore(knex);
  }

  const names = (items: Array<{ entityRef: string }>) =>
    items.map(item => item.entityRef.replace('component:default/', ''));

  it.each(databases.eachSupportedId())(
    'sorts by severity first, then by since, name and owner on %p',
    async databaseId => {
      const store = await seeded(databaseId);
      // Drifted first (longest first), then unknown, pending, explained, in sync.
      expect(names((await store.overview({})).items)).toEqual([
        'kafka',
        'api',
        'legacy',
        'cdn',
        'db',
        'web',
      ]);
      // Oldest change first; ties by ref.
      expect(names((await store.overview({ sort: 'since' })).items)).toEqual([
        'kafka',
        'legacy',
        'db',
        'web',
        'cdn',
        'api',
      ]);
      // By title, or the ref when there is none.
      expect(
        names((await store.overview({ sort: 'name', order: 'desc' })).items),
      ).toEqual(['db', 'api', 'legacy', 'kafka', 'cdn', 'web']);
      const byOwner = (await store.overview({ sort: 'owner' })).items;
      expect(byOwner.map(item => item.owner)).toEqual(
        [...byOwner.map(item => item.owner)].sort(),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'searches ref, title, owner and reason, literally, on %p',
    async databaseId => {
      const store = await seeded(databaseId);
      expect(
        names((await store.overview({ q: 'PAYMENTS' })).items).sort(),
      ).toEqual(['api', 'db']);
      expect(names((await store.overview({ q: 'team-edge' })).items)).toEqual([
        'cdn',
      ]);
      // % and _ match themselves, not anything.
      expect(names((await store.overview({ q: '100%_' })).items)).toEqual([
        'legacy',
      ]);
      expect((await store.overview({ q: '%' })).totalItems).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'filters by invalid track, finding and a set of entities, totals untouched, on %p',
    async databaseId => {
      const store = await seeded(databaseId);
      const invalid = await store.overview({ track: 'invalid' });
      expect(names(invalid.items)).toEqual(['legacy']);
      expect(invalid.totalItems).toBe(1);
      const secrets = await store.overview({
        finding: 'plaintext-secret-in-git',
      });
      expect(secrets.totalItems).toBe(1);
      expect(
        (await store.overview({ finding: 'plaintext-secret-in-git', q: 'db' }))
          .totalItems,
      ).toBe(1);
      const declarativeDrifted = await store.overview({
        track: 'declarative',
        status: 'drifted',
      });
      expect(names(declarativeDrifted.items)).toEqual(['api']);
      expect(declarativeDrifted.totalItems).toBe(1);
      expect(invalid.totals.byTrack.invalid).toBe(1);
      expect(invalid.totals.byStatus.unknown).toBe(1);
      expect(
        names(
          (await store.overview({ finding: 'plaintext-secret-in-git' })).items,
        ),
      ).toEqual(['db']);
      const only = await store.overview({
        onlyKeys: new Set(['component:default/web', 'component:default/cdn']),
      });
      expect(names(only.items)).toEqual(['cdn', 'web']);
      expect(only.totalItems).toBe(2);
      expect(only.totals.byStatus.drifted).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'counts totals by track, status and finding, and the filtered items on any page, on %p',
    async databaseId => {
      const store = await seeded(databaseId);
      const page = await store.overview({ status: 'drifted', limit: 1 });
      expect(page.totalItems).toBe(2);
      expect(names(page.items)).toEqual(['kafka']);
      // One status: longest in it first, whichever the order.
      expect(
        names(
          (await store.overview({ status: 'drifted', order: 'desc' })).items,
        ),
      ).toEqual(['kafka', 'api']);
      expect(
        names((await store.overview({ status: 'drifted', offset: 1 })).items),
      ).toEqual(['api']);
      expect(page.totals.byStatus).toEqual({
        drifted: 2,
        unknown: 1,
        pending: 1,
        explained: 1,
        'in-sync': 1,
      });
      expect(page.totals.byTrack).toEqual(
        (await store.overview({ offset: 1000 })).totals.byTrack,
      );
      expect(
        Object.values(page.totals.byTrack).reduce((a, b) => a + b, 0),
      ).toBe(FLEET.length);
      const pastTheEnd = await store.overview({ status: 'drifted', offset: 5 });
      expect(pastTheEnd.items).toEqual([]);
      expect(pastTheEnd.totalItems).toBe(2);
      const nothing = await store.overview({ q: 'no such entity' });
      expect(nothing.totalItems).toBe(0);
      const expectedFindings = (code: string) =>
        FLEET.filter(([, , , , , , codes]) => codes.includes(code)).length;
      expect(page.totals.findings?.plaintextSecrets).toBe(
        expectedFindings('plaintext-secret-in-git'),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'dates each row by its change and says when tracking began on %p',
    async databaseId => {
      const store = await seeded(databaseId);
      const web = (await store.overview({ q: 'checkout' })).items[0];
      expect(web.since).toBe(day(4).toISOString());
      expect(web.trackedSince).toBe(day(1).toISOString());
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps to the entities the caller may read, in every order, on %p',
    async databaseId => {
      const store = await seeded(databaseId);
      const readable = new Set(
        ['web', 'api', 'db', 'kafka'].map(n => `component:default/${n}`),
      );

      const all = await store.overview({ readable });
      expect(all.totals.byStatus).toEqual({
        'in-sync': 1,
        drifted: 2,
        explained: 1,
      });
      expect(all.totals.findings?.plaintextSecrets).toBe(1);
      expect(names(all.items)).toEqual(['kafka', 'api', 'db', 'web']);
      expect(all.items.map(i => i.trackedSince)).toEqual(
        Array(4).fill(day(1).toISOString()),
      );
      const byName = await store.overview({
        readable,
        sort: 'name',
        order: 'desc',
        offset: 1,
        limit: 2,
      });
      expect(names(byName.items)).toEqual(['api', 'kafka']);
      expect(byName.totalItems).toBe(4);
      const pay = await store.overview({
        readable,
        owner: 'group:default/team-pay',
        finding: 'plaintext-secret-in-git',
      });
      expect(names(pay.items)).toEqual(['db']);
      expect(pay.totals.byStatus).toEqual({ drifted: 1, explained: 1 });
      await expect(
        store.scopeKeys({ readable, owner: 'group:default/team-pay' }),
      ).resolves.toEqual(
        new Set(['component:default/api', 'component:default/db']),
      );
    },
  );
});
