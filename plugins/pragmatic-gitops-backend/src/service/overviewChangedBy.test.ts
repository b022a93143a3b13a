import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { pragmaticGitopsPlugin } from '../plugin';
import { webComponent } from '../__testUtils__/webEntity';

jest.setTimeout(60_000);

/** The live Deployment with 5 replicas, the field owned by `manager`. */
function scaledBy(manager: string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'shop',
      managedFields: [
        {
          manager,
          operation: 'Update',
          apiVersion: 'apps/v1',
          time: '2026-12-01T10:00:00Z',
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:spec': { 'f:replicas': {} } },
        },
      ],
    },
    spec: { replicas: 5 },
  };
}

describe('GET /overview?changedBy=hand', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('keeps only entities with drift made by a non-GitOps field manager', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startTestBackend({
      features: [
        pragmaticGitopsPlugin,
        catalogServiceMock.factory({
          entities: [
            webComponent('edited', 'team-shop'),
            webComponent('synced', 'team-shop'),
          ],
        }),
        mockServices.database.factory({ knex }),
      ],
    });
    for (const [name, manager] of [
      ['edited', 'kubectl-edit'],
      ['synced', 'argocd-controller'],
    ]) {
      const pushed = await request(server)
        .post('/api/pragmatic-gitops/observations')
        .set('Authorization', mockCredentials.service.header())
        .send({
          entityRef: `component:default/${name}`,
          source: 'ci-agent',
          objects: [scaledBy(manager)],
        });
      expect(pushed.status).toBeLessThan(300);
    }

    const overview = (query: string) =>
      request(server)
        .get(`/api/pragmatic-gitops/overview${query}`)
        .set('Authorization', mockCredentials.user.header());

    const all = await overview('');
    expect(all.body.items.map((item: any) => item.status)).toEqual([
      'drifted',
      'drifted',
    ]);

    const byHand = await overview('?changedBy=hand');
    expect(byHand.status).toBe(200);
    expect(byHand.body.items.map((item: any) => item.entityRef)).toEqual([
      'component:default/edited',
    ]);
    expect(byHand.body.totalItems).toBe(1);
    // Totals describe the fleet, as for the other filters.
    expect(byHand.body.totals.byStatus).toEqual({ drifted: 2 });

    const bad = await overview('?changedBy=robot');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('changedBy');
  });
});
