import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import {
  backportsWith,
  demoEntity,
  demoLiveObjects,
  refundsHotfix,
} from '../backport/__testUtils__/demoBackports';
import { ledgerRows } from '../ledger/__testUtils__/fixtures';
import {
  mockAuditor,
  startHotfixBackend,
  userHeader,
} from '../ledger/__testUtils__/startHotfixBackend';

jest.setTimeout(60_000);

const BASE = '/api/pragmatic-gitops/hotfixes';

describe('POST /hotfixes/{id}/backport without url (generate)', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;

  async function start(options: { deny?: string[]; observed?: boolean } = {}) {
    knex = await databases.init('SQLITE_3');
    const audit = mockAuditor();
    const { server } = await startHotfixBackend({
      knex,
      deny: options.deny,
      auditor: audit.auditor,
      entities: [demoEntity('payments-api')],
      backports: backportsWith(() =>
        options.observed === false
          ? undefined
          : { objects: demoLiveObjects('payments-api.json') },
      ),
    });
    const post = (path: string, body?: object) => {
      const req = request(server)
        .post(`${BASE}${path}`)
        .set('Authorization', userHeader());
      return body ? req.send(body) : req;
    };
    const { body: hotfix } = await post('', refundsHotfix);
    return { audit, post, id: hotfix.id as string };
  }

  it('returns the demo hotfix back-port as a unified diff of the dir: source', async () => {
    const { post, id, audit } = await start();
    const before = await ledgerRows(knex);
    const res = await post(`/${id}/backport`);
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('diff');
    expect(res.body.hotfixId).toBe(id);
    expect(res.body.diff).toBe(`--- a/deployment.yaml
+++ b/deployment.yaml
@@ -38,7 +38,7 @@
         fsGroup: 10001
       containers:
         - name: api
-          image: registry.example.com/payments/payments-api:1.14.2
+          image: registry.example.com/payments/payments-api:1.14.3-hotfix.1
           ports:
             - name: http
               containerPort: 8080
@@ -75,6 +75,8 @@
               value: events-kafka-bootstrap.data.svc.cluster.local:9092
             - name: OTEL_EXPORTER_OTLP_ENDPOINT
               value: http://localhost:4317
+            - name: FEATURE_FAST_REFUNDS
+              value: "true"
           resources:
             requests:
               cpu: 0.5
`);
    const resource = {
      kind: 'Deployment',
      namespace: 'payments',
      name: 'payments-api',
    };
    expect(res.body.written).toEqual([
      {
        resource,
        path: '/spec/template/spec/containers/0/image',
        file: 'deployment.yaml',
      },
      {
        resource,
        path: '/spec/template/spec/containers/0/env/-',
        file: 'deployment.yaml',
      },
    ]);
    expect(res.body.refused).toEqual([]);
    expect(res.body.pullRequest).toBeUndefined();
    // Nothing is recorded: the hotfix stays pending until the change lands in Git.
    expect(await ledgerRows(knex)).toEqual(before);
    expect(audit.auditor.createEvent).toHaveBeenLastCalledWith(
      expect.objectContaining({ eventId: 'hotfix-backport' }),
    );
    expect(audit.success).toHaveBeenLastCalledWith({
      meta: { hotfixId: id, type: 'diff', written: 2, refused: 0 },
    });
  });

  it('refuses every field it cannot write and answers 200 with written: []', async () => {
    const { post } = await start();
    const { body: hotfix } = await post('', {
      ...refundsHotfix,
      changes: [
        {
          kind: 'Secret',
          namespace: 'payments',
          name: 'payments-api-secrets',
          paths: ['/data/db-password'],
        },
        {
          kind: 'ConfigMap',
          namespace: 'payments',
          name: 'rendered-by-helm',
          paths: ['/data/LOG_LEVEL'],
        },
        {
          kind: 'aws_db_instance',
          name: 'aws_db_instance.payments',
          paths: ['/instance_class'],
        },
        { kind: 'Migration', name: 'V4__refund_index.sql' },
      ],
    });
    const res = await post(`/${hotfix.id}/backport`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'diff', diff: '', written: [] });
    expect(
      res.body.refused.map((r: { code: string; path: string }) => [
        r.code,
        r.path,
      ]),
    ).toEqual([
      ['secret-value', '/data/db-password'],
      ['not-declared', '/data/LOG_LEVEL'],
      ['terraform', '/instance_class'],
      ['migration', ''],
    ]);
    expect(res.body.refused[0].reason).toContain(
      'change it in your secret manager',
    );
    expect(res.body.refused[0].resource).toEqual({
      kind: 'Secret',
      namespace: 'payments',
      name: 'payments-api-secrets',
    });
  });

  it('answers 409 naming the status when the hotfix is not pending-backport', async () => {
    const { post, id } = await start();
    await post(`/${id}/abandon`, { reason: 'Rolled back' });
    const res = await post(`/${id}/backport`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      `Hotfix ${id} is abandoned; only a pending-backport hotfix can be back-ported`,
    );
  });

  it('answers 409 when no live state was observed', async () => {
    const { post, id } = await start({ observed: false });
    const res = await post(`/${id}/backport`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('No live state observed');
  });

  it('answers 403 without pragmatic-gitops.hotfix.update, audited as a failure', async () => {
    const { post, id, audit } = await start({
      deny: ['pragmatic-gitops.hotfix.update'],
    });
    const res = await post(`/${id}/backport`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('pragmatic-gitops.hotfix.update');
    expect(audit.fail).toHaveBeenCalledTimes(1);
  });

  it('answers 404 for an unknown hotfix', async () => {
    const { post } = await start();
    const res = await post('/HF-999/backport');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('No hotfix HF-999');
  });
});
