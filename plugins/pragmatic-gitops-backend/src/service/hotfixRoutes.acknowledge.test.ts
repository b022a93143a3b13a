import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { ledgerRows, newHotfix } from '../ledger/__testUtils__/fixtures';
import {
  mockAuditor,
  startHotfixBackend,
  userHeader,
} from '../ledger/__testUtils__/startHotfixBackend';

jest.setTimeout(60_000);

const BASE = '/api/pragmatic-gitops/hotfixes';

describe('POST /hotfixes/{id}/acknowledge', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;

  /** Two hotfixes of web: the first reverted by the controller. */
  async function start(deny: string[] = []) {
    knex = await databases.init('SQLITE_3');
    const audit = mockAuditor();
    const { server, hotfixes } = await startHotfixBackend({
      knex,
      deny,
      auditor: audit.auditor,
    });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await request(server)
        .post(BASE)
        .set('Authorization', userHeader())
        .send(newHotfix());
      ids.push(res.body.id);
    }
    await hotfixes.appendLifecycleEvent(ids[0], {
      type: 'reverted',
      detail: { via: 'live-reverted' },
    });
    const post = (
      path: string,
      body: object = {},
      as = userHeader('user:default/bob'),
    ) =>
      request(server)
        .post(`${BASE}${path}`)
        .set('Authorization', as)
        .send(body);
    const get = (path: string) =>
      request(server).get(`${BASE}${path}`).set('Authorization', userHeader());
    return { ids, post, get, audit };
  }

  it('acknowledges a revert alarm once, as the caller, audited, the status unchanged', async () => {
    const { ids, post, get, audit } = await start();
    expect(
      (await get('?acknowledged=false')).body.items.map((h: any) => h.id),
    ).toEqual([ids[0]]);

    const res = await post(`/${ids[0]}/acknowledge`, {
      note: 'Re-applied and recorded as HF-9',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ids[0],
      status: 'reverted',
      acknowledgedBy: 'user:default/bob',
    });
    expect(Date.parse(res.body.acknowledgedAt)).not.toBeNaN();
    expect(res.body.events.map((e: any) => e.type)).toContain('acknowledged');
    expect(
      res.body.events.find((e: any) => e.type === 'acknowledged'),
    ).toMatchObject({
      actor: 'user:default/bob',
      detail: { reason: 'Re-applied and recorded as HF-9' },
    });
    expect(audit.auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'hotfix-acknowledge',
        meta: expect.objectContaining({
          hotfixId: ids[0],
          actor: 'user:default/bob',
        }),
      }),
    );

    // Twice is the first acknowledgement, not a second event.
    const rows = await ledgerRows(knex);
    const again = await post(
      `/${ids[0]}/acknowledge`,
      {},
      userHeader('user:default/carol'),
    );
    expect(again.status).toBe(200);
    expect(again.body.acknowledgedBy).toBe('user:default/bob');
    expect((await ledgerRows(knex)).events).toEqual(rows.events);

    expect((await get('?acknowledged=false')).body.items).toEqual([]);
    expect(
      (await get('?acknowledged=true')).body.items.map((h: any) => h.id),
    ).toEqual([ids[0]]);
  });

  it('refuses a hotfix that was not reverted with 409, and without permission with 403', async () => {
    const { ids, post } = await start();
    const pending = await post(`/${ids[1]}/acknowledge`);
    expect(pending.status).toBe(409);
    expect(pending.body.error.message).toMatch(/only a reverted hotfix/);

    const denied = await start(['pragmatic-gitops.hotfix.update']);
    const res = await denied.post(`/${denied.ids[0]}/acknowledge`);
    expect(res.status).toBe(403);
  });

  it('rejects an unknown field in the body with 400: identity never comes from it', async () => {
    const { ids, post } = await start();
    const res = await post(`/${ids[0]}/acknowledge`, {
      actor: 'user:default/mallory',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /request\/body must NOT have additional properties/,
    );
  });
});
