import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { pragmaticGitopsPlugin } from '../plugin';

function component(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  };
}

const entities = [
  component('payments-api', {
    'pragmatic-gitops.io/track': 'A',
    'pragmatic-gitops.io/source-location': 'dir:../examples/payments-api',
  }),
  component('billing', {}),
  component('legacy-reports', {
    'pragmatic-gitops.io/track': 'gitops-ish',
    'pragmatic-gitops.io/source-location': 'dir:../examples/legacy',
  }),
  component('payments-db', { 'pragmatic-gitops.io/track': 'operator' }),
];

describe('pragmatic-gitops router', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.database.factory(),
      ],
    });
    return server;
  }

  it('answers health without credentials', async () => {
    const server = await start();
    const res = await request(server).get('/api/pragmatic-gitops/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('returns the track of a tracked entity, matching case-insensitively', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/COMPONENT/Default/Payments-API')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'component:default/payments-api',
      track: 'declarative',
      drift: { status: 'unknown', reason: 'Drift has not been computed yet' },
      findings: [],
    });
  });

  it('says not-tracked for an entity without the track annotation', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/billing')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.track).toBeNull();
    expect(res.body.drift.status).toBe('not-tracked');
  });

  it('reports a bad track annotation as a finding naming it', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/legacy-reports')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
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
      .set('Authorization', mockCredentials.user.header());
    expect(res.body.findings).toEqual([
      expect.objectContaining({ code: 'missing-source-location' }),
    ]);
  });

  it('answers 404 with a clear message for an unknown entity', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/nope')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(
      'No entity component:default/nope in the catalog',
    );
  });

  it('rejects malformed path parameters with 400 naming the field', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/com%20ponent/default/x')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('kind');
  });

  it('requires credentials for entity status', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/pragmatic-gitops/entities/component/default/payments-api')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
