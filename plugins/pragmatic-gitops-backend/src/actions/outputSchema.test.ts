import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { z } from 'zod/v3';
import { entityStatusSchema } from './schemas';
import {
  invokeAction,
  startActionsBackend,
} from './__testUtils__/actionsBackend';
import { webEntities } from '../__testUtils__/webEntity';

jest.setTimeout(60_000);

/** An imperative component whose state a CI job pushes as a Terraform plan. */
const infra: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'infra',
    namespace: 'default',
    annotations: { 'pragmatic-gitops.io/track': 'imperative' },
  },
  spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
};

const push = (server: any, body: object) =>
  request(server)
    .post('/api/pragmatic-gitops/observations')
    .set('Authorization', mockCredentials.service.header())
    .send(body);

/** What the demo shows: a hand edit recorded by managedFields, a hotfix, a Terraform plan with drift. */
async function demoLikeBackend(knex: any) {
  const server = await startActionsBackend({
    knex,
    entities: [...webEntities, infra],
  });
  const web = await push(server, {
    entityRef: 'component:default/web',
    source: 'ci-agent',
    objects: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: 'web',
          namespace: 'shop',
          managedFields: [
            {
              manager: 'kubectl-edit',
              operation: 'Update',
              time: '2026-12-01T09:30:00Z',
              fieldsType: 'FieldsV1',
              fieldsV1: {
                'f:spec': {
                  'f:template': {
                    'f:spec': {
                      'f:containers': {
                        'k:{"name":"web"}': { 'f:image': {} },
                      },
                    },
                  },
                },
              },
            },
          ],
        },
        spec: {
          replicas: 2,
          template: {
            spec: {
              containers: [{ name: 'web', image: 'shop/web:1.0.1-hotfix' }],
            },
          },
        },
      },
    ],
  });
  expect(web.status).toBe(202);
  const hotfix = await invokeAction(server, 'record-hotfix', {
    entityRef: 'component:default/web',
    title: 'Hotfix image',
    changes: [
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'web',
        paths: ['/spec/template/spec/containers/0/image'],
      },
    ],
  });
  expect(hotfix.status).toBe(200);
  const plan = await push(server, {
    entityRef: 'component:default/infra',
    source: 'github-actions/infra-plan',
    runUrl: 'https://ci.example.com/infra/actions/runs/7',
    terraformPlan: {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_route53_record.www',
          type: 'aws_route53_record',
          change: {
            actions: ['update'],
            before: { ttl: 300 },
            after: { ttl: 60 },
            after_unknown: { fqdn: true },
          },
        },
      ],
      resource_drift: [
        {
          address: 'aws_db_instance.main',
          type: 'aws_db_instance',
          change: {
            actions: ['update'],
            before: { instance_class: 'db.r6g.large' },
            after: { instance_class: 'db.r6g.xlarge' },
          },
        },
      ],
    },
  });
  expect(plan.status).toBe(202);
  return server;
}

describe('get-entity-gitops-status output schema', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('names every field the REST API answers with, for a demo-like entity', async () => {
    const server = await demoLikeBackend(await databases.init('SQLITE_3'));
    const strict = entityStatusSchema(z, { strict: true });

    for (const [entityRef, path] of [
      ['component:default/web', 'component/default/web'],
      ['component:default/infra', 'component/default/infra'],
    ]) {
      const rest = await request(server)
        .get(`/api/pragmatic-gitops/entities/${path}`)
        .set('Authorization', mockCredentials.user.header());
      expect(rest.status).toBe(200);
      // Every field the API sends is one the schema names…
      const parsed = strict.safeParse(rest.body);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      // …so the action, whose output the registry strips to its schema, loses none.
      const action = await invokeAction(server, 'get-entity-gitops-status', {
        entityRef,
      });
      expect(action.status).toBe(200);
      expect(action.body.output).toEqual(rest.body);
    }
  });

  it('carries the newest fields: who changed a field, the resource source, Terraform sides, plan changes and run link', async () => {
    const server = await demoLikeBackend(await databases.init('SQLITE_3'));
    const web = await invokeAction(server, 'get-entity-gitops-status', {
      entityRef: 'component:default/web',
    });
    const deployment = web.body.output.drift.resources.find(
      (r: any) => r.kind === 'Deployment',
    );
    expect(deployment).toMatchObject({
      source: 'ci-agent',
      differences: [
        {
          path: '/spec/template/spec/containers/0/image',
          changedBy: { manager: 'kubectl-edit', operation: 'Update' },
          explainedBy: expect.stringMatching(/^HF-\d+$/),
        },
      ],
    });
    expect(web.body.output.hotfixes).toHaveLength(1);

    const infraStatus = await invokeAction(server, 'get-entity-gitops-status', {
      entityRef: 'component:default/infra',
    });
    expect(infraStatus.body.output.drift).toMatchObject({
      status: 'pending',
      resources: [
        {
          kind: 'aws_db_instance',
          sides: 'applied-real',
          source: 'github-actions/infra-plan',
        },
      ],
      pending: {
        terraform: [
          {
            address: 'aws_route53_record.www',
            changes: [
              { path: '/ttl', desired: 300, live: 60 },
              { path: '/fqdn', knownAfterApply: true },
            ],
          },
        ],
        terraformPlanSource: {
          source: 'github-actions/infra-plan',
          runUrl: 'https://ci.example.com/infra/actions/runs/7',
        },
      },
    });
  });
});
