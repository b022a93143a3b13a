/*
 * Findings 2 and 7: every place a secret value can hide in pushed state is
 * reduced to a keyed digest before it is stored, drift in a Terraform
 * sensitive value still shows (masked), and no digest leaves the backend.
 * The database is a real SQLite file, searched byte by byte afterwards.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import knexFactory, { Knex } from 'knex';
import { newHotfix } from '../../ledger/__testUtils__/fixtures';
import {
  deployedComponent,
  startSecurityBackend,
} from '../__testUtils__/securityBackend';

jest.setTimeout(60_000);

const CANARIES = {
  lastAppliedEnv: 'canary-last-applied-env-81f2',
  listSecret: 'canary-list-secret-0c4d',
  kafkaPassword: 'canary-kafka-password-9e1a',
  kafkaGitPassword: 'canary-kafka-git-password-17bb',
  tfBefore: 'canary-tf-before-3b7c',
  tfAfter: 'canary-tf-after-55d0',
  tfUnflagged: 'canary-tf-unflagged-a2e9',
};
const b64 = (value: string) => Buffer.from(value).toString('base64');
const forms = Object.values(CANARIES).flatMap(v => [v, b64(v)]);
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const dir = createMockDirectory();
dir.setContent({
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/catalog-info.yaml': 'kind: Component',
  'deploy/web/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: web
          image: shop/web:1.0.0
          env:
            - name: DB_PASSWORD
              valueFrom: { secretKeyRef: { name: web-db, key: password } }
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaUser
metadata: { name: web, namespace: shop }
spec:
  authentication:
    type: scram-sha-512
    password: ${CANARIES.kafkaGitPassword}
`,
  'deploy/infra/README.md': 'Terraform lives elsewhere',
});

const entities = [
  deployedComponent(dir, 'web'),
  deployedComponent(dir, 'infra', {
    annotations: { 'pragmatic-gitops.io/track': 'imperative' },
  }),
];

const liveDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'shop',
    annotations: {
      // What was applied before the value moved to a secretKeyRef.
      [LAST_APPLIED]: JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'web',
                  env: [
                    { name: 'DB_PASSWORD', value: CANARIES.lastAppliedEnv },
                  ],
                },
              ],
            },
          },
        },
      }),
    },
  },
  spec: {
    template: {
      spec: {
        containers: [
          {
            name: 'web',
            image: 'shop/web:1.0.0',
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
};

describe('secret values at rest', () => {
  let knex: Knex;
  afterEach(async () => {
    await knex?.destroy();
  });

  it('stores only keyed digests and answers without values or digests', async () => {
    const file = dir.resolve('plugin.sqlite');
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: file },
      useNullAsDefault: true,
    });
    const backend = await startSecurityBackend({ knex, entities });
    const responses: unknown[] = [];
    const keep = <T extends { status: number; body: unknown }>(res: T) => {
      responses.push(res.body);
      return res;
    };

    keep(
      await backend.service().post('/observations', {
        entityRef: 'component:default/web',
        source: 'ci-agent',
        objects: [
          liveDeployment,
          {
            apiVersion: 'v1',
            kind: 'List',
            metadata: { name: 'extras' },
            items: [
              {
                apiVersion: 'v1',
                kind: 'Secret',
                metadata: { name: 'web-db', namespace: 'shop' },
                data: { password: b64(CANARIES.listSecret) },
              },
            ],
          },
          {
            apiVersion: 'kafka.strimzi.io/v1beta2',
            kind: 'KafkaUser',
            metadata: { name: 'web', namespace: 'shop' },
            spec: {
              authentication: {
                type: 'scram-sha-512',
                password: CANARIES.kafkaPassword,
              },
            },
          },
        ],
      }),
    );
    const web = keep(
      await backend.user().get('/entities/component/default/web'),
    );
    const kafka = (web.body as any).drift.resources.find(
      (r: any) => r.kind === 'KafkaUser',
    );
    expect(kafka.differences).toEqual([
      expect.objectContaining({
        path: '/spec/authentication/password',
        masked: true,
      }),
    ]);

    // Terraform: a sensitive value changed outside Terraform.
    const tf = keep(
      await backend.service().post('/observations', {
        entityRef: 'component:default/infra',
        source: 'terraform-ci',
        runUrl: 'https://ci.example.com/infra/runs/42',
        terraformPlan: {
          format_version: '1.2',
          // Planned: the password rotated, a token named like a secret, and values computed by the apply.
          resource_changes: [
            {
              address: 'aws_db_instance.main',
              type: 'aws_db_instance',
              change: {
                actions: ['update'],
                before: {
                  password: CANARIES.tfBefore,
                  master_token: CANARIES.tfUnflagged,
                  size: 1,
                },
                after: {
                  password: CANARIES.tfAfter,
                  master_token: `${CANARIES.tfUnflagged}-next`,
                  size: 2,
                },
                before_sensitive: { password: true },
                after_sensitive: { password: true },
                after_unknown: { arn: true },
              },
            },
          ],
          resource_drift: [
            {
              address: 'aws_db_instance.main',
              type: 'aws_db_instance',
              change: {
                actions: ['update'],
                before: {
                  password: CANARIES.tfBefore,
                  master_token: CANARIES.tfUnflagged,
                  size: 1,
                },
                after: {
                  password: CANARIES.tfAfter,
                  master_token: CANARIES.tfUnflagged,
                  size: 1,
                },
                before_sensitive: { password: true },
                after_sensitive: { password: true },
              },
            },
          ],
        },
      }),
    );
    expect(tf.status).toBe(202);
    const infra = keep(
      await backend.user().get('/entities/component/default/infra'),
    );
    expect((infra.body as any).drift.pending).toEqual({
      terraform: [
        {
          address: 'aws_db_instance.main',
          type: 'aws_db_instance',
          actions: ['update'],
          changes: [
            expect.objectContaining({ path: '/password', masked: true }),
            expect.objectContaining({ path: '/master_token', masked: true }),
            { path: '/size', desired: 1, live: 2 },
            { path: '/arn', knownAfterApply: true },
          ],
        },
      ],
      terraformPlanSource: {
        source: 'terraform-ci',
        runUrl: 'https://ci.example.com/infra/runs/42',
      },
    });
    expect((infra.body as any).drift.resources).toEqual([
      expect.objectContaining({
        name: 'aws_db_instance.main',
        differences: [
          expect.objectContaining({ path: '/password', masked: true }),
        ],
      }),
    ]);

    // A hotfix on the env, moved on by a rescan: its events carry digests in the ledger only.
    const hotfix = keep(
      await backend.user().post(
        '/hotfixes',
        newHotfix({
          changes: [
            {
              kind: 'Deployment',
              namespace: 'shop',
              name: 'web',
              paths: ['/spec/template/spec/containers/0/env'],
            },
          ],
        }),
      ),
    );
    expect(hotfix.status).toBe(201);
    keep(await backend.user().post('/entities/component/default/web/refresh'));
    keep(await backend.user().get(`/hotfixes/${(hotfix.body as any).id}`));
    keep(await backend.user().get('/hotfixes'));
    keep(await backend.user().get('/entities/component/default/web'));
    keep(await backend.user().get('/overview'));
    const events = await knex('hotfix_events').select('detail');
    expect(JSON.stringify(events)).toContain('Digests');

    const answered = JSON.stringify(responses);
    for (const form of forms) {
      expect(answered).not.toContain(form);
    }
    expect(answered).not.toMatch(/hmac-sha256:|sha256:|Digests/);

    await knex.destroy();
    const bytes = [file, `${file}-wal`, `${file}-journal`]
      .filter(f => fs.existsSync(f))
      .map(f => fs.readFileSync(f).toString('latin1'))
      .join('\n');
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes).toContain('hmac-sha256:');
    for (const form of forms) {
      expect(bytes).not.toContain(form);
    }
  });
});
