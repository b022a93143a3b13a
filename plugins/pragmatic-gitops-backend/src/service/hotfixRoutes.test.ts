import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { ledgerRows, newHotfix } from '../ledger/__testUtils__/fixtures';
import {
  mockAuditor,
  serviceHeader,
  startHotfixBackend,
  userHeader,
} from '../ledger/__testUtils__/startHotfixBackend';

jest.setTimeout(120_000);

const BASE = '/api/pragmatic-gitops/hotfixes';
const DAY = 24 * 60 * 60 * 1000;

describe('POST /hotfixes', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function start(
    options: { deny?: string[]; databaseId?: TestDatabaseId } = {},
  ) {
    const knex: Knex = await databases.init(options.databaseId ?? 'SQLITE_3');
    const audit = mockAuditor();
    const { server } = await startHotfixBackend({
      knex,
      deny: options.deny,
      auditor: audit.auditor,
    });
    const create = (body: object, headers: Record<string, string> = {}) =>
      request(server)
        .post(BASE)
        .set({ Authorization: userHeader(), ...headers })
        .send(body);
    return { server, knex, audit, create };
  }

  it('records a hotfix as applied by the caller', async () => {
    const { create, audit } = await start();
    const appliedAt = new Date(Date.now() - 4 * DAY);
    const res = await create(
      newHotfix({
        entityRef: 'Component:default/web',
        description: 'Scaled out by hand',
        appliedAt: appliedAt.toISOString(),
        // Identity is the caller's: claims in the body are ignored.
        appliedBy: 'user:default/mallory',
        recordedBy: 'user:default/mallory',
        actor: 'user:default/mallory',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^HF-[1-9][0-9]*$/),
      entityRef: 'component:default/web',
      title: newHotfix().title,
      description: 'Scaled out by hand',
      incidentUrl: 'https://incidents.example.com/INC-1234',
      appliedBy: 'user:default/alice',
      appliedAt: appliedAt.toISOString(),
      recordedAt: expect.any(String),
      changes: newHotfix().changes,
      status: 'pending-backport',
      overdue: true,
      backportDueAt: new Date(appliedAt.getTime() + 3 * DAY).toISOString(),
      // The answer carries the hotfix's events (here no live state is known
      // yet, so no baseline: see hotfixLifecycle.test.ts).
      events: [
        {
          type: 'recorded',
          status: 'pending-backport',
          actor: 'user:default/alice',
          at: res.body.recordedAt,
        },
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain('mallory');
    expect(audit.auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'hotfix-create',
        severityLevel: 'medium',
        meta: {
          entityRef: 'Component:default/web',
          actor: 'user:default/alice',
        },
      }),
    );
    expect(audit.success).toHaveBeenCalledWith({
      meta: {
        hotfixId: res.body.id,
        entityRef: 'component:default/web',
        actor: 'user:default/alice',
        replayed: false,
      },
    });
  });

  it.each(databases.eachSupportedId())(
    'gives 100 parallel requests 100 distinct ids on %p',
    async databaseId => {
      const { create, knex } = await start({ databaseId });
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          create(newHotfix({ title: `#${i}` })),
        ),
      );
      expect(responses.map(r => r.status)).toEqual(Array(100).fill(201));
      expect(new Set(responses.map(r => r.body.id)).size).toBe(100);
      expect((await ledgerRows(knex)).events).toHaveLength(100);
    },
  );

  it.each(databases.eachSupportedId())(
    'answers retries with one Idempotency-Key with the first record on %p',
    async databaseId => {
      const { create, knex, server } = await start({ databaseId });
      const key = { 'Idempotency-Key': 'incident-1234-replicas' };
      const racing = await Promise.all(
        Array.from({ length: 8 }, () => create(newHotfix(), key)),
      );
      expect(racing.map(r => r.status).sort()).toEqual([
        200, 200, 200, 200, 200, 200, 200, 201,
      ]);
      const first = racing.find(r => r.status === 201)!.body;
      expect(racing.every(r => r.body.id === first.id)).toBe(true);

      const retry = await create(newHotfix({ title: 'typo fixed' }), key);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first);
      expect((await ledgerRows(knex)).hotfixes).toHaveLength(1);

      const otherUser = await request(server)
        .post(BASE)
        .set({ Authorization: userHeader('user:default/bob'), ...key })
        .send(newHotfix());
      expect(otherUser.status).toBe(201);
      expect(otherUser.body.id).not.toBe(first.id);
    },
  );

  it.each([
    [{ incidentUrl: 'ftp://incidents/1' }, 'incidentUrl'],
    [{ incidentUrl: `${'javascript'}:alert(1)` }, 'incidentUrl'],
    [
      {
        changes: [
          { kind: 'Deployment', name: 'web' },
          { kind: 'Service', name: 'web', paths: ['spec/ports'] },
        ],
      },
      'changes[1].paths[0]',
    ],
    [{ changes: [] }, 'changes'],
    [{ changes: undefined }, 'changes'],
    [
      { changes: [{ kind: 'Deployment', name: 'web', path: '/x' }] },
      'changes[0].path',
    ],
    [
      { appliedAt: new Date(Date.now() + 10 * 60_000).toISOString() },
      'appliedAt',
    ],
    [{ appliedAt: 'yesterday' }, 'appliedAt'],
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ title: undefined }, 'title'],
    [{ entityRef: 'web' }, 'entityRef'],
    // Unknown fields: typos (identity claims are ignored, tested above).
    [{ incidentURL: 'https://incidents.example.com/1' }, 'incidentURL'],
    [{ change: [{ kind: 'Deployment', name: 'web' }] }, 'change'],
    [
      { incidentURL: 'https://incidents.example.com/1', appliedBy: 'x' },
      'unknown field(s) incidentURL;',
    ],
  ])(
    'rejects %j with 400 naming %s, storing nothing',
    async (overrides, field) => {
      const { create, knex, audit } = await start();
      const res = await create(newHotfix(overrides));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
      expect((await ledgerRows(knex)).hotfixes).toEqual([]);
      expect(audit.success).not.toHaveBeenCalled();
    },
  );

  it('rejects an Idempotency-Key longer than 200 characters', async () => {
    const { create } = await start();
    const res = await create(newHotfix(), {
      'Idempotency-Key': 'k'.repeat(201),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/idempotency-key/i);
  });

  it('answers 403 without pragmatic-gitops.hotfix.create, auditing the failure', async () => {
    const { create, knex, audit } = await start({
      deny: ['pragmatic-gitops.hotfix.create'],
    });
    const res = await create(newHotfix());
    expect(res.status).toBe(403);
    expect((await ledgerRows(knex)).hotfixes).toEqual([]);
    expect(audit.fail).toHaveBeenCalledWith({
      error: expect.objectContaining({ name: 'NotAllowedError' }),
    });
  });

  it('answers 404 for an entity the catalog does not know', async () => {
    const { create, knex } = await start();
    const res = await create(
      newHotfix({ entityRef: 'component:default/nope' }),
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('component:default/nope');
    expect((await ledgerRows(knex)).hotfixes).toEqual([]);
  });

  it('is for users only: services and anonymous callers may not record', async () => {
    const { server } = await start();
    const asService = await request(server)
      .post(BASE)
      .set('Authorization', serviceHeader())
      .send(newHotfix());
    expect(asService.status).toBe(403);
    const anonymous = await request(server)
      .post(BASE)
      .set('Authorization', 'Bearer nope')
      .send(newHotfix());
    expect(anonymous.status).toBe(401);
  });
});
