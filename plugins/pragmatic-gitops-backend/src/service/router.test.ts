import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import request from 'supertest';
import { pragmaticGitopsPlugin } from '../plugin';

jest.setTimeout(60_000);

const CANARY = 'canary-5a0c71d9';
const CANARY_B64 = Buffer.from(CANARY).toString('base64');

const dir = createMockDirectory();
dir.setContent({
  // A checkout: dir: sources may point anywhere inside its working tree.
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/web.yaml': 'kind: Component',
  'deploy/web/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: shop/web:1.0.0
          resources: { requests: { cpu: 500m, memory: 256Mi } }
          env:
            - name: DB_PASSWORD
              valueFrom: { secretKeyRef: { name: web-db, key: password } }
`,
  'deploy/web/secret.yaml': `apiVersion: v1
kind: Secret
metadata: { name: web-db, namespace: shop }
stringData: { password: ${CANARY} }
`,
});

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${dir.resolve(
          'catalog/web.yaml',
        )}`,
        ...annotations,
      },
    },
    spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-shop' }],
  };
}

const entities = [
  component('web', {
    'pragmatic-gitops.io/track': 'A',
    'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
  }),
  component('billing', {}),
  component('legacy-reports', {
    'pragmatic-gitops.io/track': 'gitops-ish',
    'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
  }),
  component('payments-db', { 'pragmatic-gitops.io/track': 'operator' }),
];

function liveDeployment(image: string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'shop',
      uid: 'u1',
      resourceVersion: '7',
      generation: 4,
    },
    spec: {
      replicas: 2,
      revisionHistoryLimit: 10,
      template: {
        spec: {
          containers: [
            {
              name: 'web',
              image,
              imagePullPolicy: 'IfNotPresent',
              resources: { requests: { cpu: '0.5', memory: '256Mi' } },
              env: [
                {
                  name: 'DB_PASSWORD',
                  valueFrom: {
                    secretKeyRef: { name: 'web-db', key: 'password' },
                  },
                },
              ],
            },
          ],
        },
      },
    },
    status: { readyReplicas: 2 },
  };
}

const liveSecret = (password: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'web-db', namespace: 'shop' },
  data: { password: Buffer.from(password).toString('base64') },
});

describe('pragmatic-gitops router', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;

  async function start(
    options: { permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {},
  ) {
    knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.database.factory({ knex }),
        ...(options.permission
          ? [mockServices.permissions.factory({ result: options.permission })]
          : []),
      ],
    });
    return server;
  }

  const user = () => mockCredentials.user.header();
  const service = () => mockCredentials.service.header();

  async function push(server: any, body: object) {
    return request(server)
      .post('/api/pragmatic-gitops/observations')
      .set('Authorization', service())
      .send(body);
  }

  it('answers health without credentials', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('says why drift is unknown before any live state was observed', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/COMPONENT/Default/WEB')
      .set('Authorization', user());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/web',
      track: 'declarative',
      drift: {
        status: 'unknown',
        reason: expect.stringContaining('No live state observed yet'),
      },
      // Findings from Git are shown even before live state is known.
      findings: [
        expect.objectContaining({
          code: 'plaintext-secret-in-git',
          location: 'secret.yaml',
        }),
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain(CANARY);
  });

  it('computes drift from a pushed observation and shows it at once, history included', async () => {
    const server = await start();
    const inSync = await push(server, {
      entityRef: 'component:default/web',
      source: 'ci-agent',
      observedAt: '2026-11-25T10:00:00Z',
      objects: [liveDeployment('shop/web:1.0.0'), liveSecret(CANARY)],
    });
    expect(inSync.status).toBe(202);
    expect(inSync.body.drift.status).toBe('in-sync');

    const drifted = await push(server, {
      entityRef: 'Component:default/web',
      source: 'ci-agent',
      objects: [
        liveDeployment('shop/web:1.0.1-hotfix'),
        liveSecret('another-value'),
      ],
    });
    expect(drifted.status).toBe(202);

    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/web')
      .set('Authorization', user());
    expect(res.body.drift).toMatchObject({
      status: 'drifted',
      source: 'dir:../deploy/web ↔ ci-agent',
      since: expect.any(String),
      checkedAt: expect.any(String),
    });
    const byKind = Object.fromEntries(
      res.body.drift.resources.map((r: any) => [r.kind, r]),
    );
    expect(byKind.Deployment).toMatchObject({
      namespace: 'shop',
      name: 'web',
      status: 'drifted',
      differences: [
        {
          path: '/spec/template/spec/containers/0/image',
          desired: 'shop/web:1.0.0',
          live: 'shop/web:1.0.1-hotfix',
        },
      ],
    });
    expect(byKind.Secret.status).toBe('drifted');
    expect(res.body.secretRefs).toEqual([
      expect.objectContaining({
        store: { kind: 'kubernetes' },
        key: 'web-db',
        property: 'password',
        usedBy: [expect.objectContaining({ kind: 'Deployment', name: 'web' })],
      }),
    ]);
    expect(byKind.Secret.differences[0]).toMatchObject({ masked: true });

    const history = await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/web/history')
      .set('Authorization', user());
    expect(history.body.transitions.map((t: any) => t.to)).toEqual([
      'in-sync',
      'drifted',
    ]);
  });

  it('never lets a secret value reach a response or the database', async () => {
    const server = await start();
    const pushed = await push(server, {
      entityRef: 'component:default/web',
      source: 'ci-agent',
      objects: [
        liveDeployment('shop/web:1.0.0'),
        liveSecret(`${CANARY}-changed`),
      ],
    });
    const read = await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/web')
      .set('Authorization', user());
    for (const body of [pushed.body, read.body]) {
      expect(JSON.stringify(body)).not.toMatch(
        new RegExp(`${CANARY}|${CANARY_B64}`),
      );
    }
    for (const table of [
      'observations',
      'entity_status',
      'status_transitions',
    ]) {
      const rows = await knex(table).select();
      expect(JSON.stringify(rows)).not.toContain(CANARY);
      expect(JSON.stringify(rows)).not.toContain(
        Buffer.from(`${CANARY}-changed`).toString('base64'),
      );
    }
  });

  it('accepts pushes from services only', async () => {
    const server = await start();
    const res = await request(server)
      .post('/api/pragmatic-gitops/observations')
      .set('Authorization', user())
      .send({
        entityRef: 'component:default/web',
        source: 'laptop',
        objects: [],
      });
    expect(res.status).toBe(403);
  });

  it.each([
    [{ source: 'x' }, 'entityRef'],
    [{ entityRef: 'component:default/web' }, 'source'],
    [
      {
        entityRef: 'component:default/web',
        source: 'x',
        objects: [{ kind: 'Pod' }],
      },
      'objects/0',
    ],
    [
      {
        entityRef: 'component:default/web',
        source: 'x',
        migrations: { available: [] },
      },
      'applied',
    ],
    [
      {
        entityRef: 'component:default/web',
        source: 'x',
        observedAt: 'yesterday',
      },
      'observedAt',
    ],
    [{ entityRef: 'not a ref', source: 'x' }, 'entityRef'],
    [{ entityRef: 'component:default/web', source: 'x', extra: 1 }, 'extra'],
    [
      {
        entityRef: 'component:default/web',
        source: 'x',
        runUrl: ['javascript', 'alert(1)'].join(':'),
      },
      'runUrl',
    ],
    [
      { entityRef: 'component:default/web', source: 'x', runUrl: 'ci run 42' },
      'runUrl',
    ],
  ])('rejects a bad observation %j with 400 naming %s', async (body, field) => {
    const server = await start();
    const res = await push(server, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });

  it('answers 404 for an observation of an unknown entity, storing nothing', async () => {
    const server = await start();
    const res = await push(server, {
      entityRef: 'component:default/nope',
      source: 'x',
      objects: [],
    });
    expect(res.status).toBe(404);
    await expect(knex('observations').count({ n: '*' })).resolves.toEqual([
      { n: 0 },
    ]);
  });

  it('says not-tracked for an entity without the track annotation', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/billing')
      .set('Authorization', user());
    expect(res.body).toMatchObject({
      track: null,
      drift: { status: 'not-tracked' },
    });
  });

  it('reports a bad track annotation as a finding naming it', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/legacy-reports')
      .set('Authorization', user());
    expect(res.body.track).toBeNull();
    expect(res.body.drift.status).toBe('unknown');
    expect(res.body.findings).toEqual([
      {
        severity: 'error',
        code: 'invalid-annotation',
        location: 'pragmatic-gitops.io/track',
        message: expect.stringContaining(
          'Invalid annotation pragmatic-gitops.io/track: "gitops-ish"',
        ),
      },
    ]);
  });

  it('warns when a tracked entity has no source location', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/payments-db')
      .set('Authorization', user());
    expect(res.body.findings).toEqual([
      expect.objectContaining({ code: 'missing-source-location' }),
    ]);
  });

  it('answers 404 with a clear message for an unknown entity', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/nope')
      .set('Authorization', user());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(
      'No entity component:default/nope in the catalog',
    );
  });

  it('rejects malformed path parameters with 400 naming the field', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/com%20ponent/default/x')
      .set('Authorization', user());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('kind');
  });

  it('requires credentials to read', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/web')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('refreshes with permission and refuses without', async () => {
    const allowed = await start({ permission: AuthorizeResult.ALLOW });
    const ok = await request(allowed)
      .post('/api/pragmatic-gitops/entities/component/default/web/refresh')
      .set('Authorization', user());
    expect(ok.status).toBe(200);
    expect(ok.body.entityRef).toBe('component:default/web');

    const denied = await start({ permission: AuthorizeResult.DENY });
    const no = await request(denied)
      .post('/api/pragmatic-gitops/entities/component/default/web/refresh')
      .set('Authorization', user());
    expect(no.status).toBe(403);
  });

  it('serves the overview from stored summaries with filters and paging', async () => {
    const server = await start();
    await push(server, {
      entityRef: 'component:default/web',
      source: 'ci-agent',
      objects: [liveDeployment('shop/web:2.0.0'), liveSecret(CANARY)],
    });
    await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/legacy-reports')
      .set('Authorization', user());

    const all = await request(server)
      .get('/api/pragmatic-gitops/overview')
      .set('Authorization', user());
    expect(all.status).toBe(200);
    expect(all.body.totals).toEqual({
      byTrack: { declarative: 1, invalid: 1 },
      byStatus: { drifted: 1, unknown: 1 },
      hotfixes: { pending: 0, overdue: 0, reverted: 0 },
      findings: {
        plaintextSecrets: 1,
        encryptedSecrets: 0,
        unresolvedSecretRefs: 0,
        statefulInDeclarative: 0,
      },
    });
    expect(all.body.totalItems).toBe(2);

    const drifted = await request(server)
      .get(
        '/api/pragmatic-gitops/overview?status=drifted&owner=team-shop&limit=1&offset=0',
      )
      .set('Authorization', user());
    expect(drifted.body.items).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/web',
        owner: 'group:default/team-shop',
        track: 'declarative',
        status: 'drifted',
      }),
    ]);

    const otherOwner = await request(server)
      .get('/api/pragmatic-gitops/overview?owner=group:default/someone-else')
      .set('Authorization', user());
    expect(otherOwner.body.totalItems).toBe(0);
  });

  it.each([
    ['status=broken', 'status'],
    ['track=D', 'track'],
    ['limit=1000', 'limit'],
    ['offset=-1', 'offset'],
    ['owner=', 'owner'],
    ['colour=red', 'colour'],
    ['sort=severity', 'sort'],
    ['order=up', 'order'],
    ['finding=nope', 'finding'],
    ['hotfixes=all', 'hotfixes'],
  ])('rejects overview query %s with 400 naming %s', async (query, field) => {
    const server = await start();
    const res = await request(server)
      .get(`/api/pragmatic-gitops/overview?${query}`)
      .set('Authorization', user());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });
});
