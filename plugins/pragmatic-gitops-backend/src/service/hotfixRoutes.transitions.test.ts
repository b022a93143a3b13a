import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { ledgerRows, newHotfix } from '../ledger/__testUtils__/fixtures';
import {
  mockAuditor,
  serviceHeader,
  startHotfixBackend,
  userHeader,
} from '../ledger/__testUtils__/startHotfixBackend';

jest.setTimeout(60_000);

const BASE = '/api/pragmatic-gitops/hotfixes';
const PR = 'https://github.com/org/deploy/pull/42';

describe('hotfix transitions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;

  async function start(options: { deny?: string[] } = {}) {
    knex = await databases.init('SQLITE_3');
    const audit = mockAuditor();
    const { server } = await startHotfixBackend({
      knex,
      deny: options.deny,
      auditor: audit.auditor,
    });
    const post = (path: string, body: object, as = userHeader()) =>
      request(server)
        .post(`${BASE}${path}`)
        .set('Authorization', as)
        .send(body);
    const get = (path: string, as = userHeader()) =>
      request(server).get(`${BASE}${path}`).set('Authorization', as);
    const { body: hotfix } = await post('', newHotfix());
    return { server, audit, post, get, id: hotfix.id as string };
  }

  /** Rows only ever get appended: every earlier row is still there, unchanged. */
  async function expectOnlyAppended(
    before: Awaited<ReturnType<typeof ledgerRows>>,
    added: number,
  ) {
    const after = await ledgerRows(knex);
    expect(after.hotfixes).toEqual(before.hotfixes);
    expect(after.events.slice(0, before.events.length)).toEqual(before.events);
    expect(after.events).toHaveLength(before.events.length + added);
  }

  it('marks a pending hotfix back-ported, then refuses any other transition with 409', async () => {
    const { post, get, id, audit } = await start();
    const before = await ledgerRows(knex);
    const res = await post(`/${id}/backport`, {
      url: PR,
      actor: 'user:default/mallory',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      status: 'backported',
      overdue: false,
    });
    expect(res.body.events).toEqual([
      {
        type: 'recorded',
        status: 'pending-backport',
        actor: 'user:default/alice',
        at: res.body.recordedAt,
      },
      {
        type: 'backported',
        status: 'backported',
        actor: 'user:default/alice',
        at: expect.any(String),
        detail: { url: PR },
      },
    ]);
    await expectOnlyAppended(before, 1);
    expect(audit.auditor.createEvent).toHaveBeenLastCalledWith(
      expect.objectContaining({
        eventId: 'hotfix-backport',
        severityLevel: 'medium',
        meta: {
          hotfixId: id,
          entityRef: 'component:default/web',
          actor: 'user:default/alice',
        },
      }),
    );

    const afterBackport = await ledgerRows(knex);
    for (const [path, body] of [
      [`/${id}/backport`, { url: PR }],
      [`/${id}/abandon`, { reason: 'not needed' }],
    ] as const) {
      const conflict = await post(path, body);
      expect(conflict.status).toBe(409);
      expect(conflict.body.error.message).toContain('is backported');
    }
    await expectOnlyAppended(afterBackport, 0);
    expect(audit.fail).toHaveBeenCalledTimes(2);

    const read = await get(`/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('abandons a pending hotfix with a reason', async () => {
    const { post, id, audit } = await start();
    const res = await post(`/${id}/abandon`, {
      reason: 'Rolled back by hand',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('abandoned');
    expect(res.body.events[1]).toMatchObject({
      type: 'abandoned',
      actor: 'user:default/alice',
      detail: { reason: 'Rolled back by hand' },
    });
    expect(audit.auditor.createEvent).toHaveBeenLastCalledWith(
      expect.objectContaining({ eventId: 'hotfix-abandon' }),
    );
    expect(audit.success).toHaveBeenLastCalledWith({
      meta: { hotfixId: id, status: 'abandoned' },
    });
  });

  it.each([
    ['backport', { url: 'ftp://example.com/commit/1' }, 'url'],
    ['backport', { url: '' }, 'url'],
    ['backport', { url: 42 }, 'url'],
    ['abandon', { reason: '   ' }, 'reason'],
    ['abandon', { reason: 'x'.repeat(1001) }, 'reason'],
    ['abandon', {}, 'reason'],
  ])(
    'rejects a bad %s body %j with 400 naming %s',
    async (action, body, field) => {
      const { post, id } = await start();
      const before = await ledgerRows(knex);
      const res = await post(`/${id}/${action}`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
      await expectOnlyAppended(before, 0);
    },
  );

  it('generates the back-port, not a transition, for a body without url', async () => {
    const { post, id } = await start();
    const before = await ledgerRows(knex);
    // Generating is covered in hotfixRoutes.backport.test.ts; without a
    // generator configured it answers 501, and never marks the hotfix.
    const res = await post(`/${id}/backport`, {});
    expect(res.status).toBe(501);
    expect(res.body.error.message).toContain('Back-port generation');
    await expectOnlyAppended(before, 0);
  });

  it('answers 403 without pragmatic-gitops.hotfix.update', async () => {
    const { post, id, audit } = await start({
      deny: ['pragmatic-gitops.hotfix.update'],
    });
    const before = await ledgerRows(knex);
    expect((await post(`/${id}/backport`, { url: PR })).status).toBe(403);
    expect((await post(`/${id}/abandon`, { reason: 'x' })).status).toBe(403);
    await expectOnlyAppended(before, 0);
    expect(audit.fail).toHaveBeenCalledTimes(2);
  });

  it('lets services read but not change hotfixes', async () => {
    const { post, get, id } = await start();
    expect((await get(`/${id}`, serviceHeader())).status).toBe(200);
    const res = await post(`/${id}/abandon`, { reason: 'x' }, serviceHeader());
    expect(res.status).toBe(403);
  });

  it.each(['HF-0', 'HF-x', '42', 'hf-1', 'HF-1234567890123456'])(
    'answers 400 naming id for the malformed id %s',
    async badId => {
      const { get, post } = await start();
      for (const res of [
        await get(`/${badId}`),
        await post(`/${badId}/backport`, { url: PR }),
      ]) {
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('id');
      }
    },
  );

  it('answers 404 for an unknown hotfix', async () => {
    const { get, post } = await start();
    const read = await get('/HF-999');
    expect(read.status).toBe(404);
    expect(read.body.error.message).toContain('No hotfix HF-999');
    expect((await post('/HF-999/abandon', { reason: 'x' })).status).toBe(404);
  });
});
