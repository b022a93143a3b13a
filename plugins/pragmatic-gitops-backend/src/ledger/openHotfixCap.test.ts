import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { newHotfix } from './__testUtils__/fixtures';
import {
  startHotfixBackend,
  userHeader,
} from './__testUtils__/startHotfixBackend';
import { MAX_OPEN_HOTFIXES_PER_ENTITY } from './HotfixService';

jest.setTimeout(180_000);

const alice = mockCredentials.user('user:default/alice');
const ALREADY_OPEN = MAX_OPEN_HOTFIXES_PER_ENTITY - 5;
const CONCURRENT = 20;
const capMessage = `entityRef component:default/web already has ${MAX_OPEN_HOTFIXES_PER_ENTITY} open hotfixes, the most one entity may have; back-port or abandon some first`;

describe('the open-hotfix cap under concurrency', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'stores exactly the cap when two replicas race past it on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // Two backends on one database, as two replicas are.
      const [a, b] = [
        await startHotfixBackend({ knex }),
        await startHotfixBackend({ knex }),
      ];
      for (let i = 0; i < ALREADY_OPEN; i++) {
        await a.hotfixes.create(newHotfix({ title: `open ${i}` }), {
          credentials: alice,
        });
      }

      // Straight at the services, so that every create is past its catalog
      // and permission checks before any of them inserts.
      const outcomes = await Promise.allSettled(
        Array.from({ length: CONCURRENT }, (_, i) =>
          (i % 2 ? a : b).hotfixes.create(newHotfix({ title: `racing ${i}` }), {
            credentials: alice,
          }),
        ),
      );

      const free = MAX_OPEN_HOTFIXES_PER_ENTITY - ALREADY_OPEN;
      expect(outcomes.filter(o => o.status === 'fulfilled').length).toBe(free);
      const refused = outcomes.flatMap(o =>
        o.status === 'rejected' ? [o.reason] : [],
      );
      expect(refused).toHaveLength(CONCURRENT - free);
      for (const error of refused) {
        expect(error).toMatchObject({
          name: 'InputError',
          message: capMessage,
        });
      }
      // Through the router the refusal is a 400 with the same message.
      const atCap = await request(a.server)
        .post('/api/pragmatic-gitops/hotfixes')
        .set('Authorization', userHeader())
        .send(newHotfix({ title: 'one too many' }));
      expect(atCap.status).toBe(400);
      expect(atCap.body.error.message).toBe(capMessage);
      const [{ n }] = await knex('hotfixes')
        .where('entity_ref', 'component:default/web')
        .count({ n: '*' });
      expect(Number(n)).toBe(MAX_OPEN_HOTFIXES_PER_ENTITY);
      // Every stored hotfix has its recorded event: no half-write.
      const [{ events }] = await knex('hotfix_events')
        .where('type', 'recorded')
        .count({ events: '*' });
      expect(Number(events)).toBe(MAX_OPEN_HOTFIXES_PER_ENTITY);

      // A back-port frees a slot; the next create takes it.
      const [open] = await knex('hotfixes').orderBy('id').limit(1);
      await request(a.server)
        .post(`/api/pragmatic-gitops/hotfixes/HF-${open.id}/backport`)
        .set('Authorization', userHeader())
        .send({ url: 'https://git.example.com/shop/pull/1' })
        .expect(200);
      await request(b.server)
        .post('/api/pragmatic-gitops/hotfixes')
        .set('Authorization', userHeader())
        .send(newHotfix({ title: 'after a back-port' }))
        .expect(201);
    },
  );
});
