import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ACTIONS,
  invokeAction as invoke,
  startActionsBackend,
} from './__testUtils__/actionsBackend';
import {
  CANARY,
  daysAgo,
  pushObservation,
  webEntities as entities,
} from '../__testUtils__/webEntity';

jest.setTimeout(60_000);

const NAMES = [
  'get-entity-gitops-status',
  'list-drifted-entities',
  'list-overdue-backports',
  'record-hotfix',
];

describe('pragmatic-gitops actions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start(options: { deny?: string[] } = {}) {
    const knex = await databases.init('SQLITE_3');
    const server = await startActionsBackend({ knex, entities, ...options });
    // Two observations: the entity is in sync, then drifts.
    for (const image of ['shop/web:1.0.0', 'shop/web:1.0.1-hotfix']) {
      expect((await pushObservation(server, { image })).status).toBe(202);
    }
    return server;
  }

  it('lists the four actions with their attributes and input schemas', async () => {
    const server = await start();
    const res = await request(server)
      .get(ACTIONS)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.actions.map((a: any) => [a.name, a]),
    );
    expect(Object.keys(byName).sort()).toEqual(NAMES);
    for (const name of NAMES.slice(0, 3)) {
      expect(byName[name].attributes).toEqual({
        readOnly: true,
        idempotent: true,
        destructive: false,
      });
    }
    expect(byName['record-hotfix'].attributes).toMatchObject({
      readOnly: false,
      idempotent: true,
    });
    expect(byName['get-entity-gitops-status'].schema.input.required).toEqual([
      'entityRef',
    ]);
    // The input has no field for who applied the hotfix.
    expect(
      Object.keys(byName['record-hotfix'].schema.input.properties),
    ).not.toContain('appliedBy');
  });

  it('returns the drift of an entity, secrets masked', async () => {
    const server = await start();
    const res = await invoke(server, 'get-entity-gitops-status', {
      entityRef: 'Component:default/web',
    });
    expect(res.status).toBe(200);
    const status = res.body.output;
    expect(status).toMatchObject({
      entityRef: 'component:default/web',
      track: 'declarative',
      drift: { status: 'drifted', since: expect.any(String) },
      findings: [expect.objectContaining({ code: 'plaintext-secret-in-git' })],
    });
    const byKind = Object.fromEntries(
      status.drift.resources.map((r: any) => [r.kind, r]),
    );
    expect(byKind.Deployment.differences).toEqual([
      expect.objectContaining({
        path: '/spec/template/spec/containers/0/image',
        live: 'shop/web:1.0.1-hotfix',
      }),
    ]);
    expect(byKind.Secret.differences[0]).toMatchObject({ masked: true });
    expect(JSON.stringify(res.body)).not.toContain(CANARY);
  });

  it.each([
    [{ entityRef: 'not a ref!' }, 'entityRef'],
    [{ entityRef: 'component:' }, 'entityRef'],
    [{}, 'entityRef'],
    [{ entityRef: 42 }, 'entityRef'],
  ])('rejects input %j with 400 naming %s', async (input, field) => {
    const server = await start();
    const res = await invoke(server, 'get-entity-gitops-status', input);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(field);
  });

  it('says an unknown entity is not found, not a server error', async () => {
    const server = await start();
    const res = await invoke(server, 'get-entity-gitops-status', {
      entityRef: 'component:default/nope',
    });
    expect(res.status).toBe(404);
  });

  it('lists drifted entities, filtered by owner', async () => {
    const server = await start();
    const all = await invoke(server, 'list-drifted-entities', {});
    expect(all.status).toBe(200);
    expect(all.body.output).toEqual({
      items: [
        expect.objectContaining({
          entityRef: 'component:default/web',
          owner: 'group:default/team-shop',
          status: 'drifted',
          track: 'declarative',
        }),
      ],
      totalItems: 1,
    });
    const other = await invoke(server, 'list-drifted-entities', {
      owner: 'team-x',
    });
    expect(other.body.output).toEqual({ items: [], totalItems: 0 });
    const inSync = await invoke(server, 'list-drifted-entities', {
      status: 'in-sync',
    });
    expect(inSync.body.output.totalItems).toBe(0);
  });

  it.each([
    [{ status: 'wobbly' }, 'status'],
    [{ limit: 0 }, 'limit'],
    [{ owner: 'group:' }, 'owner'],
  ])('rejects list input %j with 400 naming %s', async (input, field) => {
    const server = await start();
    const res = await invoke(server, 'list-drifted-entities', input);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(field);
  });

  const hotfix = (overrides: object = {}) => ({
    entityRef: 'component:default/web',
    title: 'Hotfixed web image during INC-7',
    changes: [
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'web',
        paths: ['/spec/template/spec/containers/0/image'],
      },
    ],
    ...overrides,
  });

  it('records a hotfix as the calling user, once per idempotency key', async () => {
    const server = await start();
    const user = mockCredentials.user.header('user:default/alice');
    const first = await invoke(
      server,
      'record-hotfix',
      hotfix({ idempotencyKey: 'k-1' }),
      user,
    );
    expect(first.status).toBe(200);
    expect(first.body.output).toMatchObject({
      created: true,
      hotfix: {
        id: expect.stringMatching(/^HF-\d+$/),
        appliedBy: 'user:default/alice',
        status: 'pending-backport',
      },
    });
    const retry = await invoke(
      server,
      'record-hotfix',
      hotfix({ idempotencyKey: 'k-1' }),
      user,
    );
    expect(retry.body.output).toEqual({
      created: false,
      hotfix: first.body.output.hotfix,
    });

    // The drift it covers is now explained, and the REST API sees the same record.
    const status = await invoke(server, 'get-entity-gitops-status', {
      entityRef: 'component:default/web',
    });
    expect(status.body.output.hotfixes).toEqual([
      expect.objectContaining({ id: first.body.output.hotfix.id }),
    ]);
  });

  it('refuses to take who applied a hotfix from the input, or from a service', async () => {
    const server = await start();
    const claimed = await invoke(
      server,
      'record-hotfix',
      hotfix({ appliedBy: 'user:default/mallory' }),
    );
    expect(claimed.status).toBe(400);
    expect(JSON.stringify(claimed.body.error)).toContain('appliedBy');

    const fromService = await invoke(
      server,
      'record-hotfix',
      hotfix(),
      mockCredentials.service.header(),
    );
    expect(fromService.status).toBe(403);
    expect(fromService.body.error.message).toContain('user token');
  });

  it('checks the hotfix create permission', async () => {
    const server = await start({ deny: ['pragmatic-gitops.hotfix.create'] });
    const res = await invoke(server, 'record-hotfix', hotfix());
    expect(res.status).toBe(403);
  });

  it.each([
    [{ title: ' ' }, 'title'],
    [{ changes: [] }, 'changes'],
    [{ incidentUrl: 'ftp://x' }, 'incidentUrl'],
    [
      { changes: [{ kind: 'Deployment', name: 'web', paths: ['spec'] }] },
      'changes[0].paths[0]',
    ],
  ])('rejects a bad hotfix %j with 400 naming %s', async (overrides, field) => {
    const server = await start();
    const res = await invoke(server, 'record-hotfix', hotfix(overrides));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });

  it('lists overdue back-ports with age and a link to the entity tab', async () => {
    const server = await start();
    const recorded = await invoke(
      server,
      'record-hotfix',
      hotfix({ appliedAt: daysAgo(4) }),
    );
    await invoke(server, 'record-hotfix', hotfix({ title: 'Fresh one' }));
    const res = await invoke(server, 'list-overdue-backports', {});
    expect(res.status).toBe(200);
    expect(res.body.output.items).toEqual([
      expect.objectContaining({
        id: recorded.body.output.hotfix.id,
        entityRef: 'component:default/web',
        link: 'http://portal.example.com/catalog/default/component/web/gitops',
      }),
    ]);
    const [item] = res.body.output.items;
    expect(item.ageHours).toBeGreaterThanOrEqual(95.9);
    expect(item.overdueHours).toBeGreaterThanOrEqual(23.9);

    const otherTeam = await invoke(server, 'list-overdue-backports', {
      owner: 'group:default/team-x',
    });
    expect(otherTeam.body.output.items).toEqual([]);
  });

  it('is listed as MCP tools by the mcp-actions backend', async () => {
    const server = await start();
    const res = await request(server)
      .post('/api/mcp-actions/v1')
      .set('Authorization', mockCredentials.user.header())
      .set('Accept', 'application/json, text/event-stream')
      .send({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
    expect(res.status).toBe(200);
    const message = JSON.parse(
      res.text
        .split('\n')
        .find((line: string) => line.startsWith('data:'))!
        .slice('data:'.length),
    );
    const tools = message.result.tools.map((t: any) => t.name);
    for (const name of NAMES) {
      expect(tools).toEqual(
        expect.arrayContaining([expect.stringContaining(name)]),
      );
    }
  });
});
