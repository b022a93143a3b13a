import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { daysAgo, ledgerRows, newHotfix } from './__testUtils__/fixtures';
import { ledgerTestDb } from './__testUtils__/ledgerTestDb';

jest.setTimeout(120_000);

const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');

describe('HotfixService', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'gives 100 parallel creates 100 distinct ids on %p',
    async databaseId => {
      const { knex, replica } = await ledgerTestDb(databases, databaseId);
      const [a, b] = [replica(), replica()];
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          (i % 2 ? a : b).create(newHotfix({ title: `hotfix ${i}` }), {
            credentials: alice,
          }),
        ),
      );
      const ids = results.map(r => r.hotfix.id);
      expect(new Set(ids).size).toBe(100);
      expect(ids.every(id => /^HF-[1-9][0-9]*$/.test(id))).toBe(true);
      expect(results.every(r => r.created)).toBe(true);
      const { hotfixes, events } = await ledgerRows(knex);
      expect(hotfixes).toHaveLength(100);
      expect(events.map(e => e.type)).toEqual(Array(100).fill('recorded'));
    },
  );

  it.each(databases.eachSupportedId())(
    'returns the first record to racing retries with one idempotency key on %p',
    async databaseId => {
      const { knex, replica } = await ledgerTestDb(databases, databaseId);
      const [a, b] = [replica(), replica()];
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).create(newHotfix(), {
            credentials: alice,
            idempotencyKey: 'retry-1',
          }),
        ),
      );
      expect(new Set(results.map(r => r.hotfix.id)).size).toBe(1);
      expect(results.filter(r => r.created)).toHaveLength(1);

      const later = await a.create(newHotfix({ title: 'changed' }), {
        credentials: alice,
        idempotencyKey: 'retry-1',
      });
      expect(later).toMatchObject({
        created: false,
        hotfix: { id: results[0].hotfix.id, title: newHotfix().title },
      });
      // The key belongs to its user: the same key from bob is a new hotfix.
      const fromBob = await a.create(newHotfix(), {
        credentials: bob,
        idempotencyKey: 'retry-1',
      });
      expect(fromBob.created).toBe(true);
      expect(fromBob.hotfix.appliedBy).toBe('user:default/bob');
      expect((await ledgerRows(knex)).events).toHaveLength(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'appends lifecycle events once and only while pending on %p',
    async databaseId => {
      const { knex, replica } = await ledgerTestDb(databases, databaseId);
      const service = replica();
      const { hotfix } = await service.create(
        newHotfix({ appliedBy: 'user:default/mallory' }),
        { credentials: alice },
      );
      expect(hotfix.appliedBy).toBe('user:default/alice');

      const drift = { liveDigests: ['a'], desiredDigests: ['b'] };
      await expect(
        service.appendLifecycleEvent(hotfix.id, {
          type: 'drift-observed',
          detail: drift,
          at: '2026-11-26T10:00:00Z',
        }),
      ).resolves.toEqual({ applied: true, status: 'pending-backport' });
      await expect(
        service.appendLifecycleEvent(hotfix.id, {
          type: 'drift-observed',
          detail: { liveDigests: ['c'], desiredDigests: ['d'] },
        }),
      ).resolves.toEqual({ applied: false, status: 'pending-backport' });

      const [open] = await service.openHotfixes('Component:default/WEB');
      expect(open.id).toBe(hotfix.id);
      expect(open.events).toEqual([
        expect.objectContaining({
          type: 'recorded',
          status: 'pending-backport',
        }),
        {
          type: 'drift-observed',
          at: '2026-11-26T10:00:00.000Z',
          detail: drift,
        },
      ]);
      const before = await ledgerRows(knex);

      // Two replicas race to close it: exactly one transition lands.
      const outcomes = await Promise.all([
        replica().appendLifecycleEvent(hotfix.id, {
          type: 'backported',
          detail: { via: 'git-match' },
        }),
        replica().appendLifecycleEvent(hotfix.id, {
          type: 'reverted',
          detail: { via: 'live-reverted' },
        }),
      ]);
      expect(outcomes.filter(o => o.applied)).toHaveLength(1);
      const status = outcomes.find(o => o.applied)!.status;
      expect(outcomes.map(o => o.status)).toEqual([status, status]);
      await expect(
        service.appendLifecycleEvent(hotfix.id, { type: 'backported' }),
      ).resolves.toEqual({ applied: false, status });
      await expect(
        service.openHotfixes('component:default/web'),
      ).resolves.toEqual([]);

      const after = await ledgerRows(knex);
      expect(after.hotfixes).toEqual(before.hotfixes);
      expect(after.events.slice(0, before.events.length)).toEqual(
        before.events,
      );
      expect(after.events).toHaveLength(before.events.length + 1);
      await expect(
        service.appendLifecycleEvent('HF-999999', { type: 'reverted' }),
      ).rejects.toThrow('No hotfix HF-999999');
    },
  );

  it.each(databases.eachSupportedId())(
    'notifies owners of an overdue hotfix exactly once across replicas on %p',
    async databaseId => {
      const { knex, logger, replica } = await ledgerTestDb(
        databases,
        databaseId,
      );
      const send = jest.fn().mockResolvedValue(undefined);
      const notifications = { send };
      const service = replica({ notifications });
      const overdue = await service.create(
        newHotfix({ appliedAt: daysAgo(4) }),
        { credentials: alice },
      );
      await service.create(newHotfix({ appliedAt: daysAgo(1) }), {
        credentials: alice,
      });
      const abandoned = await service.create(
        newHotfix({ appliedAt: daysAgo(5) }),
        { credentials: alice },
      );
      await service.abandon(
        abandoned.hotfix.id,
        { reason: 'rolled back' },
        alice,
      );

      const results = await Promise.all([
        service.notifyOverdue(),
        replica({ notifications }).notifyOverdue(),
      ]);
      expect(results.flatMap(r => r.notified)).toEqual([overdue.hotfix.id]);
      expect(send).toHaveBeenCalledTimes(1);
      expect(send).toHaveBeenCalledWith({
        recipients: { type: 'entity', entityRef: 'component:default/web' },
        payload: expect.objectContaining({
          title: expect.stringContaining(overdue.hotfix.id),
          link: '/catalog/default/component/web/gitops',
          severity: 'high',
          topic: 'pragmatic-gitops-hotfix-overdue',
        }),
      });
      await service.notifyOverdue();
      expect(send).toHaveBeenCalledTimes(1);
      const events = await knex('hotfix_events').where(
        'type',
        'overdue-notified',
      );
      expect(events).toHaveLength(1);

      // A failing notification backend is logged once and never retried.
      const failing = jest.fn().mockRejectedValue(new Error('404 Not Found'));
      const second = await service.create(
        newHotfix({ appliedAt: daysAgo(9) }),
        {
          credentials: alice,
        },
      );
      const flaky = replica({ notifications: { send: failing } });
      await expect(flaky.notifyOverdue()).resolves.toEqual({
        notified: [second.hotfix.id],
      });
      await flaky.notifyOverdue();
      expect(failing).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(`${second.hotfix.id} is overdue`),
      );
      // Overdue-notified does not change the status.
      await expect(service.counts()).resolves.toEqual({
        pending: 3,
        overdue: 2,
        reverted: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'counts pending and overdue hotfixes, in all or some entities, on %p',
    async databaseId => {
      const { replica } = await ledgerTestDb(databases, databaseId);
      const service = replica();
      const create = (entityRef: string, appliedAt: string) =>
        service.create(newHotfix({ entityRef, appliedAt }), {
          credentials: alice,
        });
      await create('component:default/web', daysAgo(4));
      await create('component:default/web', daysAgo(0));
      await create('component:default/payments-db', daysAgo(10));
      const done = await create('component:default/payments-db', daysAgo(10));
      await service.backport(
        done.hotfix.id,
        { url: 'https://github.com/org/deploy/pull/7' },
        alice,
      );

      const lost = await create('component:default/web', daysAgo(1));
      await service.appendLifecycleEvent(lost.hotfix.id, { type: 'reverted' });

      await expect(service.counts()).resolves.toEqual({
        pending: 3,
        overdue: 2,
        reverted: 1,
      });
      await expect(
        service.counts({ entityKeys: new Set(['component:default/web']) }),
      ).resolves.toEqual({ pending: 2, overdue: 1, reverted: 1 });
      await expect(service.counts({ entityKeys: new Set() })).resolves.toEqual({
        pending: 0,
        overdue: 0,
        reverted: 0,
      });
      // An acknowledged revert no longer counts as an alarm.
      await service.acknowledge(lost.hotfix.id, {}, alice);
      await expect(service.counts()).resolves.toMatchObject({ reverted: 0 });
    },
  );
});
