import { TestDatabases } from '@backstage/backend-test-utils';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { component } from '../ledger/__testUtils__/fixtures';
import { seedOwners } from '../ledger/__testUtils__/seedOwners';
import { seedLedger } from '../ledger/__testUtils__/seedLedger';
import {
  startHotfixBackend,
  userHeader,
} from '../ledger/__testUtils__/startHotfixBackend';

jest.setTimeout(120_000);

const entities = [component('web'), component('payments-db'), component('api')];

describe('GET /hotfixes/export?owner=', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'exports only the hotfixes of that owner’s entities, as the fleet page filters them, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startHotfixBackend({ knex, entities });
      await seedOwners(knex, {
        'component:default/web': 'group:default/team-shop',
        'component:default/payments-db': 'group:default/team-payments',
      });
      // api was never scanned: it has no owner, so no owner filter takes it.
      await seedLedger(
        knex,
        ['web', 'payments-db', 'api', 'payments-db'].map((name, i) => ({
          entityRef: `component:default/${name}`,
          appliedAt: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 1000),
          title: `Hotfix ${i} on ${name}`,
        })),
      );
      const get = (query: string) =>
        request(server)
          .get(`/api/pragmatic-gitops/hotfixes/export${query}`)
          .set('Authorization', userHeader());

      const json = await get('?format=json&owner=team-payments');
      expect(json.status).toBe(200);
      expect(json.body.items.map((h: { title: string }) => h.title)).toEqual([
        'Hotfix 1 on payments-db',
        'Hotfix 3 on payments-db',
      ]);

      const csv = await get(
        '?format=csv&owner=group:default/team-shop&from=2026-11-01',
      );
      expect(csv.status).toBe(200);
      const [header, ...rows] = parse(csv.text) as string[][];
      const title = header.indexOf('title');
      expect(rows.map(row => row[title])).toEqual(['Hotfix 0 on web']);

      expect((await get('?format=json')).body.items).toHaveLength(4);

      const bad = await get('?owner=group:');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('owner');
    },
  );
});
