import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { pragmaticGitopsPlugin } from '../plugin';

jest.setTimeout(60_000);

const dir = createMockDirectory();
dir.setContent({
  // A checkout: dir: sources may point anywhere inside its working tree.
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/catalog-info.yaml': 'kind: Component',
  'deploy/web/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 2
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
          'catalog/catalog-info.yaml',
        )}`,
        ...annotations,
      },
    },
    spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
  };
}

const tracked = {
  'pragmatic-gitops.io/track': 'A',
  'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
};
const entities = [
  component('web', tracked),
  component('shop', tracked),
  component('billing', {}),
  component('secret-vault', tracked),
];

const OUTSIDER = 'user:default/outsider';

/**
 * The catalog applies catalog.entity.read to the caller's credentials; this
 * one withholds `secret-vault` from the outsider the way a policy would.
 */
const catalogWithReadPolicy = createServiceFactory({
  service: catalogServiceRef,
  deps: {},
  factory: () => {
    const catalog = catalogServiceMock({ entities });
    const getEntitiesByRefs = catalog.getEntitiesByRefs.bind(catalog);
    catalog.getEntitiesByRefs = async (req, options) => {
      const principal =
        options && 'credentials' in options
          ? (options.credentials.principal as { userEntityRef?: string })
          : undefined;
      const { items } = await getEntitiesByRefs(req, options);
      return {
        items: items.map(entity =>
          principal?.userEntityRef === OUTSIDER &&
          entity?.metadata.name === 'secret-vault'
            ? undefined
            : entity,
        ),
      };
    };
    return catalog;
  },
});

describe('POST /entities/by-refs', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start() {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        catalogWithReadPolicy,
        mockServices.database.factory({ knex }),
      ],
    });
    return server;
  }

  function byRefs(server: any, body: unknown, userEntityRef?: string) {
    return request(server)
      .post('/api/pragmatic-gitops/entities/by-refs')
      .set('Authorization', mockCredentials.user.header(userEntityRef))
      .send(body as object);
  }

  it('answers a page of entities in one call, in request order, from stored summaries', async () => {
    const server = await start();
    const pushed = await request(server)
      .post('/api/pragmatic-gitops/observations')
      .set('Authorization', mockCredentials.service.header())
      .send({
        entityRef: 'component:default/web',
        source: 'ci-agent',
        objects: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'web', namespace: 'shop' },
            spec: { replicas: 5 },
          },
        ],
      });
    expect(pushed.status).toBe(202);

    const res = await byRefs(server, {
      entityRefs: [
        'component:default/billing',
        'Component:default/web',
        'component:default/ghost',
        'component:default/shop',
      ],
    });

    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        entityRef: 'component:default/billing',
        track: null,
        status: 'not-tracked',
      },
      {
        entityRef: 'component:default/web',
        track: 'declarative',
        status: 'drifted',
        since: expect.any(String),
      },
      null,
      {
        entityRef: 'component:default/shop',
        track: 'declarative',
        status: 'unknown',
        reason: 'Not scanned yet',
      },
    ]);
  });

  it('gives null for an entity the caller may not read, and its status to one who may', async () => {
    const server = await start();
    const body = {
      entityRefs: ['component:default/secret-vault', 'component:default/web'],
    };

    const outsider = await byRefs(server, body, OUTSIDER);
    expect(outsider.status).toBe(200);
    expect(outsider.body.items[0]).toBeNull();
    expect(outsider.body.items[1]).toMatchObject({ status: 'unknown' });
    expect(JSON.stringify(outsider.body)).not.toContain('secret-vault');

    const member = await byRefs(server, body, 'user:default/member');
    expect(member.body.items[0]).toMatchObject({
      entityRef: 'component:default/secret-vault',
      track: 'declarative',
    });
  });

  it('answers an empty list with no items', async () => {
    const server = await start();
    const res = await byRefs(server, { entityRefs: [] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  });

  it.each([
    [
      'a ref without a kind',
      { entityRefs: ['component:default/web', 'web'] },
      'entityRefs[1] "web" is not an entity ref',
    ],
    [
      'an empty ref',
      { entityRefs: ['component:default/web', ''] },
      'entityRefs/1',
    ],
    ['no refs at all', {}, 'entityRefs'],
    [
      'an unknown field',
      { entityRefs: [], owner: 'me' },
      'must NOT have additional properties',
    ],
    [
      'more than 500 refs',
      { entityRefs: Array(501).fill('component:default/web') },
      'entityRefs',
    ],
  ])('rejects %s with a 400 saying what is wrong', async (_, body, message) => {
    const server = await start();
    const res = await byRefs(server, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('refuses a caller without credentials', async () => {
    const server = await start();
    const res = await request(server)
      .post('/api/pragmatic-gitops/entities/by-refs')
      .set('Authorization', mockCredentials.none.header())
      .send({ entityRefs: ['component:default/web'] });
    expect(res.status).toBe(401);
  });
});
