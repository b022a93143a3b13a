import { TestDatabases } from '@backstage/backend-test-utils';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { component } from '../ledger/__testUtils__/fixtures';
import { seedLedger, SeedHotfix } from '../ledger/__testUtils__/seedLedger';
import {
  startHotfixBackend,
  userHeader,
} from '../ledger/__testUtils__/startHotfixBackend';
import { HotfixExportStore } from '../ledger/HotfixExportStore';
import { EXPORT_CSV_COLUMNS } from './hotfixExport';

jest.setTimeout(180_000);

const entities = [component('web'), component('payments-db')];
const DAY = 24 * 3_600_000;
const BASE = '/api/pragmatic-gitops/hotfixes/export';

/** `count` hotfixes, one a day back from 2026-11-30, alternating entities. */
function yearOfHotfixes(count: number): SeedHotfix[] {
  const end = Date.parse('2026-11-30T12:00:00.000Z');
  return Array.from({ length: count }, (_, i) => {
    const appliedAt = new Date(end - ((count - 1 - i) * DAY) / 8);
    return {
      entityRef: `component:default/${i % 2 ? 'payments-db' : 'web'}`,
      appliedAt,
      title: i === 0 ? 'Raise "web", replicas\nnow' : `Hotfix ${i}`,
      events:
        i % 3 === 0
          ? [
              {
                type: 'backported',
                status: 'backported',
                actor: 'user:default/bob',
                at: new Date(appliedAt.getTime() + 3_600_000),
                detail: {
                  url: 'https://github.com/acme/shop/pull/1',
                  liveDigests: { '/data/password': 'hmac:abc' },
                },
              },
            ]
          : [],
    };
  });
}

describe('GET /hotfixes/export', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads a few thousand hotfixes one page at a time on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await startHotfixBackend({ knex, entities });
      await seedLedger(knex, yearOfHotfixes(3000));
      const pages: number[] = [];
      for await (const page of new HotfixExportStore(knex).pages({}, 400)) {
        pages.push(page.length);
      }
      expect(pages).toEqual([...Array(7).fill(400), 200]);
      // The range is applied in the query: [from, to).
      const ranged: number[] = [];
      for await (const page of new HotfixExportStore(knex).pages(
        {
          from: new Date('2026-11-01T00:00:00Z'),
          to: new Date('2026-11-30T12:00:00Z'),
        },
        100,
      )) {
        ranged.push(page.length);
      }
      // 8 a day: Nov 1 00:00 up to (not including) Nov 30 12:00.
      expect(ranged.reduce((a, b) => a + b, 0)).toBe(29 * 8 + 4);
      expect(Math.max(...ranged)).toBe(100);
    },
  );

  it.each(databases.eachSupportedId())(
    'streams CSV and JSON with every event, who and when, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startHotfixBackend({ knex, entities });
      await seedLedger(knex, yearOfHotfixes(3000));
      const get = (query: string) =>
        request(server)
          .get(`${BASE}${query}`)
          .set('Authorization', userHeader());

      const csv = await get('?format=csv');
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(
        /^attachment; filename="hotfixes-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const rows: string[][] = parse(csv.text);
      expect(rows[0]).toEqual([...EXPORT_CSV_COLUMNS]);
      // 3000 recorded events and 1000 back-ports.
      expect(rows).toHaveLength(1 + 4000);
      const [first, firstBackport] = rows.slice(1, 3);
      expect(first).toEqual([
        'HF-1',
        'component:default/web',
        'Raise "web", replicas\nnow',
        'https://incidents.example.com/INC-1',
        'user:default/alice',
        '2025-11-20T15:00:00.000Z',
        '2025-11-20T15:00:00.000Z',
        'backported',
        'Deployment shop/web /spec/replicas',
        'recorded',
        'pending-backport',
        'user:default/alice',
        '2025-11-20T15:00:00.000Z',
        '',
      ]);
      expect(firstBackport.slice(9)).toEqual([
        'backported',
        'backported',
        'user:default/bob',
        expect.any(String),
        '{"url":"https://github.com/acme/shop/pull/1"}',
      ]);
      // csv-stringify quoted the title, so it reads back intact.
      expect(csv.text).toContain('"Raise ""web"", replicas\nnow"');
      expect(csv.text).not.toContain('hmac:abc');

      const json = await get(
        '?format=json&from=2026-11-30&to=2026-11-30T12:00:00Z',
      );
      expect(json.status).toBe(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(json.body.items).toHaveLength(4);
      expect(json.body.items[0]).toEqual({
        id: 'HF-2996',
        entityRef: 'component:default/payments-db',
        title: 'Hotfix 2995',
        incidentUrl: 'https://incidents.example.com/INC-1',
        appliedBy: 'user:default/alice',
        appliedAt: '2026-11-30T00:00:00.000Z',
        recordedAt: '2026-11-30T00:00:00.000Z',
        changes: [
          {
            kind: 'Deployment',
            namespace: 'shop',
            name: 'web',
            paths: ['/spec/replicas'],
          },
        ],
        status: 'pending-backport',
        events: [
          {
            type: 'recorded',
            status: 'pending-backport',
            actor: 'user:default/alice',
            at: '2026-11-30T00:00:00.000Z',
          },
        ],
      });
      const all = await get('');
      expect(all.body.items).toHaveLength(3000);
      expect(JSON.stringify(all.body)).not.toContain('hmac:abc');
    },
  );

  it.each(databases.eachSupportedId())(
    'answers 400 naming a bad from, to or format, and exports nothing unreadable, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const denied = await startHotfixBackend({
        knex,
        entities,
        deny: ['catalog.entity.read'],
      });
      await seedLedger(knex, yearOfHotfixes(10));
      const get = (query: string, as = userHeader()) =>
        request(denied.server).get(`${BASE}${query}`).set('Authorization', as);
      for (const [query, field] of [
        ['?from=yesterday', 'from'],
        ['?to=2026-13-01', 'to'],
        ['?format=xml', 'format'],
        ['?from=2026-12-01&to=2026-11-01', 'from'],
      ]) {
        const res = await get(query);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(field);
      }
      const none = await get('?format=json');
      expect(none.status).toBe(200);
      expect(none.body).toEqual({ items: [] });
      const noCsvRows = await get('?format=csv');
      expect(parse(noCsvRows.text)).toEqual([[...EXPORT_CSV_COLUMNS]]);
      expect((await get('', 'Bearer nope')).status).toBe(401);
    },
  );
});
