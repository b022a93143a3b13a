/**
 * The database goes away for a while (PostgreSQL behind a proxy that drops
 * every connection and refuses new ones, as a stopped or failed-over server
 * does): requests answer 503 with a clear message, not 500; when it comes
 * back the plugin serves again on its own, with what was stored before.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { newHotfix } from '../../ledger/__testUtils__/fixtures';
import {
  deployedComponent,
  startSecurityBackend,
} from '../__testUtils__/securityBackend';
import { startTcpProxy, TcpProxy } from '../__testUtils__/tcpProxy';
import { trackUnhandledRejections } from '../__testUtils__/faultyUpstream';
import { webCheckout } from '../__testUtils__/webCheckout';

jest.setTimeout(120_000);

const dir = webCheckout();

describe('the database goes away and comes back (PostgreSQL)', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  trackUnhandledRejections();
  let proxy: TcpProxy;
  let knex: Knex;

  beforeAll(async () => {
    const direct = await databases.init('POSTGRES_15');
    const connection = (direct.client as any).config.connection;
    proxy = await startTcpProxy({
      host: connection.host ?? '127.0.0.1',
      port: Number(connection.port ?? 5432),
    });
    knex = knexFactory({
      client: 'pg',
      connection: { ...connection, host: '127.0.0.1', port: proxy.port },
      pool: { min: 0, max: 5 },
      acquireConnectionTimeout: 5_000,
      // The pool's own complaints while the database is away.
      log: { warn() {}, error() {}, debug() {}, deprecate() {} },
    });
  });
  afterAll(async () => {
    await knex?.destroy();
    await proxy?.close();
  });

  it('answers 503 naming the database while it is away, and recovers on its own', async () => {
    const backend = await startSecurityBackend({
      knex,
      entities: [deployedComponent(dir, 'web')],
    });
    const web = '/entities/component/default/web';
    expect((await backend.user().get(web)).status).toBe(200);
    const before = await backend.user().post('/hotfixes', newHotfix());
    expect(before.status).toBe(201);

    await proxy.down();
    const wentAway = Date.now();
    const attempts = [
      backend.user().get(web),
      backend.user().get('/overview'),
      backend.user().get('/hotfixes'),
      backend.user().post('/hotfixes', newHotfix()),
      backend.user().post(`${web}/refresh`),
      backend.user().get('/health'),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining('database is unavailable'),
      });
    }
    const answered503InMs = Date.now() - wentAway;

    await proxy.up();
    const cameBack = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - cameBack < 30_000) {
      status = (await backend.user().get(web)).status;
    }
    const recoveredInMs = Date.now() - cameBack;
    expect(status).toBe(200);
    // eslint-disable-next-line no-console
    console.log(
      `database away: 6 requests answered 503 in ${answered503InMs} ms; serving again ${recoveredInMs} ms after it came back`,
    );

    const list = await backend.user().get('/hotfixes');
    expect(list.status).toBe(200);
    expect(list.body.items.map((h: any) => h.id)).toEqual([before.body.id]);
    expect((await backend.user().post('/hotfixes', newHotfix())).status).toBe(
      201,
    );
    expect((await backend.user().get('/health')).status).toBe(200);
  });
});
