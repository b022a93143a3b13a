/*
 * Every write the OpenAPI spec lists (and the record-hotfix action) is
 * permission-checked and audited: denied the permission it needs, or called
 * by the wrong kind of principal, it answers 403, changes nothing, and its
 * audit event records the failure. The list is read from openapi.yaml, so a
 * new write without a case here fails this test.
 */
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { newHotfix } from '../../ledger/__testUtils__/fixtures';
import { mockAuditor } from '../../ledger/__testUtils__/startHotfixBackend';
import { pragmaticGitopsPlugin } from '../../plugin';
import { API, deployedComponent } from '../__testUtils__/securityBackend';
import { webCheckout } from '../__testUtils__/webCheckout';

jest.setTimeout(120_000);

const dir = webCheckout();

const user = mockCredentials.user.header('user:default/alice');
const service = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('external:ci-agent'),
  targetPluginId: 'pragmatic-gitops',
});

type Write = {
  /** `METHOD /path` as in openapi.yaml; `action <id>` for actions. */
  operation: string;
  url: (hotfixId: string) => string;
  body: object;
  permission: string;
  eventId: string;
  /** The caller allowed in, and one of the kind the route refuses. */
  caller: string;
  wrongCaller: string;
};

const WRITES: Write[] = [
  {
    operation: 'POST /entities/{kind}/{namespace}/{name}/refresh',
    url: () => '/entities/component/default/web/refresh',
    body: {},
    permission: 'pragmatic-gitops.entity.refresh',
    eventId: 'entity-refresh',
    caller: user,
    wrongCaller: mockCredentials.none.header(),
  },
  {
    operation: 'POST /observations',
    url: () => '/observations',
    body: {
      entityRef: 'component:default/web',
      source: 'ci-agent',
      objects: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'shop' },
          spec: { replicas: 9 },
        },
      ],
    },
    permission: 'pragmatic-gitops.observation.create',
    eventId: 'observation-push',
    caller: service,
    wrongCaller: user,
  },
  {
    operation: 'POST /hotfixes',
    url: () => '/hotfixes',
    body: newHotfix({ title: 'Denied hotfix' }),
    permission: 'pragmatic-gitops.hotfix.create',
    eventId: 'hotfix-create',
    caller: user,
    wrongCaller: mockCredentials.none.header(),
  },
  {
    operation: 'POST /hotfixes/{id}/backport',
    url: id => `/hotfixes/${id}/backport`,
    body: { url: 'https://github.com/acme/deploy/commit/abc123' },
    permission: 'pragmatic-gitops.hotfix.update',
    eventId: 'hotfix-backport',
    caller: user,
    wrongCaller: service,
  },
  {
    operation: 'POST /hotfixes/{id}/abandon',
    url: id => `/hotfixes/${id}/abandon`,
    body: { reason: 'Not needed' },
    permission: 'pragmatic-gitops.hotfix.update',
    eventId: 'hotfix-abandon',
    caller: user,
    wrongCaller: service,
  },
  {
    operation: 'POST /hotfixes/{id}/acknowledge',
    url: id => `/hotfixes/${id}/acknowledge`,
    body: { note: 'Seen' },
    permission: 'pragmatic-gitops.hotfix.update',
    eventId: 'hotfix-acknowledge',
    caller: user,
    wrongCaller: service,
  },
  {
    operation: 'action pragmatic-gitops:record-hotfix',
    url: () =>
      '/.backstage/actions/v1/actions/pragmatic-gitops:record-hotfix/invoke',
    body: newHotfix({ title: 'Denied hotfix' }),
    permission: 'pragmatic-gitops.hotfix.create',
    eventId: 'hotfix-create',
    caller: user,
    wrongCaller: mockCredentials.none.header(),
  },
];

/** POSTs that only read: the catalog's own read permission applies. */
const READS_BY_POST = ['POST /entities/by-refs'];

describe('every write is permission-checked and audited', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start(deny: string[]) {
    const audit = mockAuditor();
    const { server } = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        actionsRegistryServiceFactory,
        actionsServiceFactory,
        catalogServiceMock.factory({
          entities: [deployedComponent(dir, 'web')],
        }),
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { actions: { pluginSources: ['pragmatic-gitops'] } },
          },
        }),
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(r => ({
              result: deny.includes(r.permission.name)
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
            })),
          authorizeConditional: async requests =>
            requests.map(() => ({ result: AuthorizeResult.ALLOW })) as any,
        }).factory,
        audit.auditor.factory,
      ],
    });
    const post = (url: string, body: object, authorization: string) =>
      request(server)
        .post(`${API}${url}`)
        .set('Authorization', authorization)
        .send(body);
    return { server, post, audit };
  }

  it('covers every write operation of openapi.yaml', () => {
    const spec = parse(
      fs.readFileSync(
        path.resolve(__dirname, '../../schema/openapi.yaml'),
        'utf8',
      ),
    );
    const writes = Object.entries(spec.paths).flatMap(([p, ops]) =>
      Object.keys(ops as object)
        .filter(m => ['post', 'put', 'patch', 'delete'].includes(m))
        .map(m => `${m.toUpperCase()} ${p}`),
    );
    expect(writes.sort()).toEqual(
      [
        ...WRITES.map(w => w.operation).filter(o => !o.startsWith('action')),
        ...READS_BY_POST,
      ].sort(),
    );
  });

  it.each(WRITES.map(w => [w.operation, w] as const))(
    '%s: 403 without its permission, nothing written, the failure audited',
    async (_operation, write) => {
      const denied = await start([write.permission]);
      const seed = await denied.post('/hotfixes', newHotfix(), user);
      const id =
        write.permission === 'pragmatic-gitops.hotfix.create'
          ? 'HF-1'
          : seed.body.id;
      denied.audit.fail.mockClear();
      denied.audit.success.mockClear();
      (denied.audit.auditor.createEvent as jest.Mock).mockClear();

      const res = await denied.post(write.url(id), write.body, write.caller);
      expect(res.status).toBe(403);
      expect(denied.audit.auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: write.eventId }),
      );
      expect(denied.audit.success).not.toHaveBeenCalled();
      expect(denied.audit.fail).toHaveBeenCalledWith(
        expect.objectContaining({
          error: expect.objectContaining({ name: 'NotAllowedError' }),
        }),
      );

      // Nothing changed: no hotfix beyond the seed, the seed untouched.
      const list = await request(denied.server)
        .get(`${API}/hotfixes`)
        .set('Authorization', user);
      const created = seed.status === 201;
      const seedOnly = created ? [{ id, status: 'pending-backport' }] : [];
      expect(
        list.body.items.map((h: any) => ({ id: h.id, status: h.status })),
      ).toEqual(seedOnly);
      const after = await request(denied.server)
        .get(`${API}/hotfixes/${id}`)
        .set('Authorization', user);
      expect(after.status).toBe(created ? 200 : 404);
      expect(created ? after.body : seed.body).toEqual(seed.body);
      // A denied push leaves no live state behind.
      const web = await request(denied.server)
        .get(`${API}/entities/component/default/web`)
        .set('Authorization', user);
      expect(web.body.drift.status).toBe('unknown');
    },
  );

  it.each(WRITES.map(w => [w.operation, w] as const))(
    '%s: refuses the wrong kind of caller with 401/403 and writes nothing',
    async (_operation, write) => {
      const backend = await start([]);
      const seed = await backend.post('/hotfixes', newHotfix(), user);
      const res = await backend.post(
        write.url(seed.body.id),
        write.body,
        write.wrongCaller,
      );
      expect([401, 403]).toContain(res.status);
      expect(backend.audit.success).toHaveBeenCalledTimes(1); // the seed only
    },
  );
});
