import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Knex } from 'knex';
import { Duration } from 'luxon';
import { EntityStatusStore } from '../database/EntityStatusStore';
import { daysAgo, newHotfix } from '../ledger/__testUtils__/fixtures';
import { ledgerTestDb } from '../ledger/__testUtils__/ledgerTestDb';
import { HotfixStore } from '../ledger/HotfixStore';
import { NotificationClaims } from './NotificationClaims';
import { REVERTED_TOPIC, RevertNotifier } from './RevertNotifier';
import {
  readUnexplainedDriftAfter,
  UNEXPLAINED_DRIFT_TOPIC,
  UnexplainedDriftNotifier,
} from './UnexplainedDriftNotifier';

jest.setTimeout(120_000);

const alice = mockCredentials.user('user:default/alice');
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

describe('readUnexplainedDriftAfter', () => {
  const read = (value: unknown) =>
    readUnexplainedDriftAfter(
      new ConfigReader({
        pragmaticGitops: { notifications: { unexplainedDriftAfter: value } },
      } as any),
    );

  it('defaults to one hour', () => {
    expect(readUnexplainedDriftAfter(new ConfigReader({})).as('hours')).toBe(1);
  });

  it.each([
    ['PT30M', 30],
    ['2h', 120],
    [{ minutes: 90 }, 90],
  ])('reads %j', (value, minutes) => {
    expect(read(value).as('minutes')).toBe(minutes);
  });

  it.each([['soon'], [{ minutes: 0 }], [5]])(
    'rejects %j naming the key',
    value => {
      expect(() => read(value)).toThrow(
        'pragmaticGitops.notifications.unexplainedDriftAfter',
      );
    },
  );
});

describe('notifiers', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const ledger = await ledgerTestDb(databases, databaseId);
    const send = jest.fn().mockResolvedValue(undefined);
    return { ...ledger, send, notifications: { send } };
  }

  it.each(databases.eachSupportedId())(
    'lets exactly one of many racing claims win an episode on %p',
    async databaseId => {
      const { knex } = await setUp(databaseId);
      const episode = {
        topic: UNEXPLAINED_DRIFT_TOPIC,
        subject: 'component:default/web',
        episodeAt: new Date('2026-11-30T10:00:00.000Z'),
      };
      const won = await Promise.all(
        Array.from({ length: 10 }, () =>
          new NotificationClaims(knex).claim(episode, new Date()),
        ),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      // Another episode of the same subject, or another topic, is its own claim.
      const claims = new NotificationClaims(knex);
      await expect(
        claims.claim(
          { ...episode, episodeAt: new Date('2026-11-30T11:00:00Z') },
          new Date(),
        ),
      ).resolves.toBe(true);
      await expect(
        claims.claim({ ...episode, topic: REVERTED_TOPIC }, new Date()),
      ).resolves.toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells the owners once that a hotfix was reverted, across replicas, on %p',
    async databaseId => {
      const { knex, replica, send, notifications, logger } = await setUp(
        databaseId,
      );
      const service = replica();
      const reverted = await service.create(
        newHotfix({ appliedAt: daysAgo(1) }),
        { credentials: alice },
      );
      await service.create(newHotfix({ title: 'still pending' }), {
        credentials: alice,
      });
      const seen = await service.create(newHotfix({ title: 'seen' }), {
        credentials: alice,
      });
      for (const { hotfix } of [reverted, seen]) {
        await service.appendLifecycleEvent(hotfix.id, {
          type: 'reverted',
          at: '2026-12-01T09:00:00.000Z',
          detail: { via: 'live-reverted' },
        });
      }
      await service.acknowledge(seen.hotfix.id, {}, alice);

      const notifier = () =>
        new RevertNotifier({
          store: new HotfixStore(knex),
          claims: new NotificationClaims(knex),
          logger,
          notifications,
          now: () => new Date(),
        });
      const results = await Promise.all([
        notifier().notifyReverted(),
        notifier().notifyReverted(),
      ]);
      expect(results.flatMap(r => r.notified)).toEqual([reverted.hotfix.id]);
      expect(send).toHaveBeenCalledTimes(1);
      expect(send).toHaveBeenCalledWith({
        recipients: { type: 'entity', entityRef: 'component:default/web' },
        payload: expect.objectContaining({
          title: `Hotfix ${reverted.hotfix.id} on component:default/web was reverted by the controller`,
          description: expect.stringContaining(
            'undone at 2026-12-01T09:00:00.000Z',
          ),
          link: '/catalog/default/component/web/gitops',
          severity: 'high',
          topic: REVERTED_TOPIC,
        }),
      });
      await notifier().notifyReverted();
      expect(send).toHaveBeenCalledTimes(1);
      // Claims are not ledger events: the hotfix's history is unchanged.
      const types = await knex('hotfix_events')
        .where('hotfix_id', Number(reverted.hotfix.id.slice(3)))
        .pluck('type');
      expect(types).toEqual(['recorded', 'reverted']);
    },
  );

  it.each(databases.eachSupportedId())(
    'tells the owners once per episode of drift unexplained too long, across replicas, on %p',
    async databaseId => {
      const { knex, send, notifications, logger } = await setUp(databaseId);
      const status = new EntityStatusStore(knex);
      const put = (entityRef: string, drift: string, changedAt: Date) =>
        status.put({
          entityRef,
          track: 'declarative',
          status: drift as 'drifted',
          reason: drift === 'drifted' ? '1 resource drifted' : undefined,
          title: entityRef.endsWith('web') ? 'Web shop' : undefined,
          checkedAt: new Date(),
          changedAt,
          detail: {},
        });
      await put('component:default/web', 'drifted', hoursAgo(2));
      await put('component:default/fresh', 'drifted', hoursAgo(0.5));
      await put('component:default/known', 'explained', hoursAgo(5));
      await put('component:default/calm', 'in-sync', hoursAgo(5));

      const notifier = (now = () => new Date()) =>
        new UnexplainedDriftNotifier({
          db: knex,
          claims: new NotificationClaims(knex),
          after: Duration.fromObject({ hours: 1 }),
          logger,
          notifications,
          now,
        });
      const results = await Promise.all([
        notifier().notifyUnexplainedDrift(),
        notifier().notifyUnexplainedDrift(),
      ]);
      expect(results.flatMap(r => r.notified)).toEqual([
        'component:default/web',
      ]);
      expect(send).toHaveBeenCalledTimes(1);
      expect(send).toHaveBeenCalledWith({
        recipients: { type: 'entity', entityRef: 'component:default/web' },
        payload: expect.objectContaining({
          title: 'Web shop has drifted from Git, unexplained, for 2 hr',
          description: expect.stringContaining('(1 resource drifted)'),
          link: '/catalog/default/component/web/gitops',
          topic: UNEXPLAINED_DRIFT_TOPIC,
        }),
      });
      // Still the same episode on later runs: nothing more.
      await notifier().notifyUnexplainedDrift();
      expect(send).toHaveBeenCalledTimes(1);

      // Fixed, then drifted again: a new episode, told once more once it is old enough.
      await put('component:default/web', 'in-sync', hoursAgo(1.5));
      await put('component:default/web', 'drifted', hoursAgo(1.2));
      const later = await notifier().notifyUnexplainedDrift();
      expect(later.notified).toEqual(['component:default/web']);
      // The fresh drift crosses the threshold an hour later.
      const inAnHour = await notifier(
        () => new Date(Date.now() + 3_600_000),
      ).notifyUnexplainedDrift();
      expect(inAnHour.notified).toEqual(['component:default/fresh']);
      expect(send).toHaveBeenCalledTimes(3);
      await expect(countClaims(knex)).resolves.toBe(3);
    },
  );

  it.each(databases.eachSupportedId())(
    'logs a failed send once and never retries it on %p',
    async databaseId => {
      const { knex, logger } = await setUp(databaseId);
      await new EntityStatusStore(knex).put({
        entityRef: 'component:default/web',
        track: 'declarative',
        status: 'drifted',
        checkedAt: new Date(),
        changedAt: hoursAgo(3),
        detail: {},
      });
      const failing = jest.fn().mockRejectedValue(new Error('503'));
      const notifier = new UnexplainedDriftNotifier({
        db: knex,
        claims: new NotificationClaims(knex),
        after: Duration.fromObject({ hours: 1 }),
        logger,
        notifications: { send: failing },
        now: () => new Date(),
      });
      await notifier.notifyUnexplainedDrift();
      await notifier.notifyUnexplainedDrift();
      expect(failing).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('it will not be retried: 503'),
      );
    },
  );
});

async function countClaims(knex: Knex): Promise<number> {
  const [{ n }] = await knex('notification_claims').count({ n: '*' });
  return Number(n);
}
