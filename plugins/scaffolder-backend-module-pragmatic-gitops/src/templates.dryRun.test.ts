/*
 * Runs every template of catalog/templates through the scaffolder's own
 * dry run (POST /api/scaffolder/v2/dry-run) in a test backend with this
 * module installed: parameters are rendered into step inputs, the skeletons
 * are rendered by the real fetch:template, pragmatic-gitops:annotate edits
 * the result, and pragmatic-gitops:hotfix:record runs in dry-run mode (it
 * records nothing). publish:* and catalog:register are skipped by the dry run.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
// The packages below are installed for packages/backend; they are used here
// only to run the real scaffolder. To be declared as devDependencies.
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import {
  parseIgnoreDifferences,
  parseSecretRefs,
  validateAnnotations,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { scaffolderModulePragmaticGitops } from './module';

jest.setTimeout(60_000);

const TEMPLATES_DIR = path.resolve(__dirname, '../../../catalog/templates');
const REPO_URL = 'github.com?owner=acme&repo=payments-api';

type DryRunResult = {
  status: number;
  body: {
    log: Array<{ body: { stepId?: string; status?: string; message: string } }>;
    directoryContents: Array<{ path: string; base64Content: string }>;
    output: {
      links?: Array<{ title?: string; url?: string; entityRef?: string }>;
      text?: Array<{ title?: string; content?: string }>;
    };
  };
};

/** The skeletons, as the dry-run API takes the files beside the template. */
function skeletonContents() {
  const files: Array<{ path: string; base64Content: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        files.push({
          path: path.relative(TEMPLATES_DIR, full),
          base64Content: fs.readFileSync(full).toString('base64'),
        });
      }
    }
  };
  walk(path.join(TEMPLATES_DIR, 'skeletons'));
  return files;
}

describe('templates in a scaffolder dry run', () => {
  let baseUrl: string;

  beforeAll(async () => {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderGithubModule,
        scaffolderModulePragmaticGitops,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'https://backstage.acme.example' },
            integrations: { github: [{ host: 'github.com', token: 'unused' }] },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  });

  async function dryRun(
    file: string,
    values: Record<string, unknown>,
  ): Promise<DryRunResult & { files: Record<string, string> }> {
    const template = parse(
      fs.readFileSync(path.join(TEMPLATES_DIR, file), 'utf8'),
    );
    const response = await fetch(`${baseUrl}/api/scaffolder/v2/dry-run`, {
      method: 'POST',
      headers: {
        Authorization: mockCredentials.user.header(),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        template,
        values,
        directoryContents: skeletonContents(),
      }),
    });
    const body = await response.json();
    const failed = body.log?.find(
      (event: any) => event.body.status === 'failed',
    );
    if (response.status !== 200 || failed) {
      throw new Error(
        `Dry run of ${file} failed (${response.status}): ${JSON.stringify(
          failed?.body ?? body,
        )}\n${(body.log ?? [])
          .map((event: any) => event.body.message)
          .join('\n')}`,
      );
    }
    const files = Object.fromEntries(
      (body.directoryContents as DryRunResult['body']['directoryContents']).map(
        f => [f.path, Buffer.from(f.base64Content, 'base64').toString('utf8')],
      ),
    );
    return { status: response.status, body, files };
  }

  const stepStatus = (result: DryRunResult) =>
    Object.fromEntries(
      result.body.log
        .filter(event => event.body.stepId && event.body.status)
        .map(event => [event.body.stepId, event.body.status]),
    );

  function catalogEntity(text: string) {
    const [entity, ...rest] = parseAllDocuments(text).map(d => d.toJS());
    expect(rest).toEqual([]);
    expect(validateAnnotations(entity.metadata.annotations)).toEqual([]);
    return entity;
  }

  const yamlObjects = (text: string) =>
    parseAllDocuments(text).map(document => {
      expect(document.errors).toEqual([]);
      return document.toJS();
    });

  const OWNER = {
    description: 'Takes payments',
    owner: 'group:default/team-payments',
    system: 'system:default/payments',
    repoUrl: REPO_URL,
  };

  it('declarative-service.yaml creates an annotated service with a Deployment, Service and HPA under deploy/', async () => {
    const result = await dryRun('declarative-service.yaml', {
      ...OWNER,
      name: 'payments-api',
      namespace: 'payments',
      image: 'ghcr.io/acme/payments-api:1.0.0',
      port: 8080,
      minReplicas: 2,
      maxReplicas: 6,
    });

    expect(Object.keys(result.files).sort()).toEqual([
      'README.md',
      'catalog-info.yaml',
      'deploy/deployment.yaml',
      'deploy/hpa.yaml',
      'deploy/kustomization.yaml',
      'deploy/service.yaml',
    ]);
    const entity = catalogEntity(result.files['catalog-info.yaml']);
    expect(entity).toMatchObject({
      kind: 'Component',
      metadata: {
        name: 'payments-api',
        annotations: {
          'github.com/project-slug': 'acme/payments-api',
          'backstage.io/kubernetes-id': 'payments-api',
          'backstage.io/kubernetes-namespace': 'payments',
          'pragmatic-gitops.io/track': 'declarative',
          'pragmatic-gitops.io/source-location':
            'url:https://github.com/acme/payments-api/tree/main/deploy',
        },
      },
      spec: {
        type: 'service',
        owner: 'group:default/team-payments',
        system: 'system:default/payments',
      },
    });

    const [deployment] = yamlObjects(result.files['deploy/deployment.yaml']);
    expect(deployment).toMatchObject({
      kind: 'Deployment',
      metadata: { name: 'payments-api', namespace: 'payments' },
      spec: {
        template: {
          spec: {
            containers: [
              {
                image: 'ghcr.io/acme/payments-api:1.0.0',
                ports: [{ containerPort: 8080 }],
              },
            ],
          },
        },
      },
    });
    expect(deployment.spec.replicas).toBeUndefined();
    expect(yamlObjects(result.files['deploy/hpa.yaml'])[0]).toMatchObject({
      kind: 'HorizontalPodAutoscaler',
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'payments-api' },
        minReplicas: 2,
        maxReplicas: 6,
      },
    });
    expect(yamlObjects(result.files['deploy/service.yaml'])[0]).toMatchObject({
      kind: 'Service',
      metadata: { name: 'payments-api', namespace: 'payments' },
    });
    expect(result.files['README.md']).toContain('**declarative track (A)**');
    expect(stepStatus(result)).toMatchObject({
      annotate: 'completed',
      publish: 'skipped',
      register: 'skipped',
    });
  });

  it('operator-database.yaml creates a CloudNativePG Cluster and ScheduledBackup with ignore rules', async () => {
    const result = await dryRun('operator-database.yaml', {
      ...OWNER,
      name: 'payments-db',
      namespace: 'payments',
      database: 'payments',
      postgresVersion: '17.6',
      instances: 3,
      storageSize: '50Gi',
      backupDestination: 's3://acme-pg-backups/payments-db',
      ignoreDifferences: [
        'Cluster:/metadata/annotations/cnpg.io~1hibernation',
        'Cluster:/spec/instances',
      ],
    });

    expect(Object.keys(result.files).sort()).toEqual([
      'README.md',
      'catalog-info.yaml',
      'deploy/cluster.yaml',
      'deploy/kustomization.yaml',
      'deploy/scheduled-backup.yaml',
    ]);
    const entity = catalogEntity(result.files['catalog-info.yaml']);
    expect(entity.spec.type).toBe('database');
    expect(entity.metadata.annotations).toMatchObject({
      'pragmatic-gitops.io/track': 'operator',
      'pragmatic-gitops.io/source-location':
        'url:https://github.com/acme/payments-api/tree/main/deploy',
      'pragmatic-gitops.io/ignore-differences':
        'Cluster:/metadata/annotations/cnpg.io~1hibernation\nCluster:/spec/instances',
    });
    expect(
      parseIgnoreDifferences(
        entity.metadata.annotations['pragmatic-gitops.io/ignore-differences'],
      ),
    ).toHaveLength(2);

    const [cluster] = yamlObjects(result.files['deploy/cluster.yaml']);
    expect(cluster).toMatchObject({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: 'payments-db', namespace: 'payments' },
      spec: {
        description: 'Takes payments',
        instances: 3,
        imageName: 'ghcr.io/cloudnative-pg/postgresql:17.6',
        bootstrap: { initdb: { database: 'payments', owner: 'payments' } },
        storage: { size: '50Gi' },
        backup: {
          barmanObjectStore: {
            destinationPath: 's3://acme-pg-backups/payments-db',
          },
        },
      },
    });
    expect(
      yamlObjects(result.files['deploy/scheduled-backup.yaml'])[0],
    ).toMatchObject({
      kind: 'ScheduledBackup',
      spec: { cluster: { name: 'payments-db' }, backupOwnerReference: 'self' },
    });
    expect(result.files['README.md']).toContain('**operator track (B)**');
  });

  it('operator-database.yaml accepts its default ignore rules', async () => {
    const template = parse(
      fs.readFileSync(
        path.join(TEMPLATES_DIR, 'operator-database.yaml'),
        'utf8',
      ),
    );
    const defaults = template.spec.parameters.find(
      (page: any) => page.properties?.ignoreDifferences,
    ).properties.ignoreDifferences.default;

    const result = await dryRun('operator-database.yaml', {
      ...OWNER,
      name: 'payments-db',
      namespace: 'payments',
      database: 'app',
      postgresVersion: '16.10',
      instances: 1,
      storageSize: '20Gi',
      backupDestination: 's3://acme-pg-backups/payments-db',
      ignoreDifferences: defaults,
    });

    const entity = catalogEntity(result.files['catalog-info.yaml']);
    expect(
      entity.metadata.annotations['pragmatic-gitops.io/ignore-differences'],
    ).toBe(defaults.join('\n'));
  });

  it('imperative-migration-job.yaml creates migrations, a CI job reporting them and Vault secret references', async () => {
    const result = await dryRun('imperative-migration-job.yaml', {
      ...OWNER,
      name: 'payments-migrations',
      jdbcUrl: 'jdbc:postgresql://payments-db-rw.payments.svc:5432/payments',
      vaultMount: 'kv',
      vaultPath: 'payments/migrations/db',
    });

    expect(Object.keys(result.files).sort()).toEqual([
      '.github/workflows/migrate.yaml',
      'README.md',
      'catalog-info.yaml',
      'ci/report-migrations.sh',
      'flyway.toml',
      'migrations/V1__init.sql',
    ]);
    const entity = catalogEntity(result.files['catalog-info.yaml']);
    expect(entity.spec.type).toBe('migrations');
    expect(entity.metadata.annotations).toMatchObject({
      'pragmatic-gitops.io/track': 'imperative',
      'pragmatic-gitops.io/source-location':
        'url:https://github.com/acme/payments-api/tree/main/migrations',
      'pragmatic-gitops.io/secret-refs':
        'vault:kv/payments/migrations/db#username\nvault:kv/payments/migrations/db#password',
    });
    expect(entity.metadata.annotations['backstage.io/kubernetes-id']).toBe(
      undefined,
    );
    expect(
      parseSecretRefs(
        entity.metadata.annotations['pragmatic-gitops.io/secret-refs'],
      ),
    ).toEqual([
      {
        store: { kind: 'vault' },
        key: 'kv/payments/migrations/db',
        property: 'username',
      },
      {
        store: { kind: 'vault' },
        key: 'kv/payments/migrations/db',
        property: 'password',
      },
    ]);

    const workflow = yamlObjects(
      result.files['.github/workflows/migrate.yaml'],
    )[0];
    const steps = workflow.jobs.migrate.steps;
    expect(steps[1].with).toMatchObject({
      url: '${{ vars.VAULT_ADDR }}',
      role: 'payments-migrations',
      secrets:
        'kv/data/payments/migrations/db username | FLYWAY_USER ;\nkv/data/payments/migrations/db password | FLYWAY_PASSWORD\n',
    });
    expect(steps[4]).toMatchObject({
      if: 'always()',
      env: {
        BACKSTAGE_URL: '${{ vars.BACKSTAGE_URL }}',
        BACKSTAGE_TOKEN: '${{ secrets.BACKSTAGE_TOKEN }}',
      },
      run: 'ci/report-migrations.sh',
    });

    const script = result.files['ci/report-migrations.sh'];
    expect(script).toContain(
      "entity_ref='component:default/payments-migrations'",
    );
    expect(script).toContain('/api/pragmatic-gitops/observations');
    expect(script).toContain('-H "Authorization: Bearer $BACKSTAGE_TOKEN"');
    expect(result.files['flyway.toml']).toContain(
      'url = "jdbc:postgresql://payments-db-rw.payments.svc:5432/payments"',
    );
    expect(result.files['flyway.toml']).toContain(
      'password = "${env.FLYWAY_PASSWORD}"',
    );
    expect(result.files['README.md']).toContain('**imperative track (C)**');
    expect(result.files['README.md']).toContain('`migrations/`');
  });

  it('new-service.yaml still creates an annotated service from the common skeleton', async () => {
    const result = await dryRun('new-service.yaml', {
      ...OWNER,
      name: 'payments-api',
      track: 'operator',
      deployPath: 'deploy/production',
    });

    expect(Object.keys(result.files).sort()).toEqual([
      'README.md',
      'catalog-info.yaml',
    ]);
    const entity = catalogEntity(result.files['catalog-info.yaml']);
    expect(entity.spec.type).toBe('service');
    expect(entity.metadata.annotations).toEqual({
      'github.com/project-slug': 'acme/payments-api',
      'pragmatic-gitops.io/track': 'operator',
      'pragmatic-gitops.io/source-location':
        'url:https://github.com/acme/payments-api/tree/main/deploy/production',
    });
  });

  const HOTFIX = {
    entity: 'component:default/payments-api',
    title: 'Scale payments-api to 6 replicas',
    incidentUrl: 'https://status.acme.example/incidents/1234',
    description: 'Checkout timed out under load.',
    changes: [
      {
        kind: 'Deployment',
        namespace: 'payments',
        name: 'payments-api',
        paths: ['/spec/replicas', '/spec/template/spec/containers/0/resources'],
      },
      { kind: 'ConfigMap', name: 'payments-api-config' },
    ],
  };

  it('record-hotfix.yaml records the hotfix (dry run) and links to the GitOps tab', async () => {
    const result = await dryRun('record-hotfix.yaml', {
      ...HOTFIX,
      openBackportPr: false,
    });

    expect(stepStatus(result)).toEqual({
      record: 'completed',
      backport: 'skipped',
    });
    expect(result.files).toEqual({});
    expect(result.body.output.links).toEqual(
      expect.arrayContaining([
        {
          title: 'Hotfix on the GitOps tab',
          url: 'https://backstage.acme.example/catalog/default/component/payments-api/gitops',
        },
        {
          title: 'Open in catalog',
          icon: 'catalog',
          entityRef: 'component:default/payments-api',
        },
      ]),
    );
    const content = result.body.output.text?.[0].content;
    expect(content).toContain('Backport-Of: HF-0');
    expect(content).not.toContain('Left to you');
    expect(content).not.toContain('```diff');
  });

  it('record-hotfix.yaml generates the back-port from the recorded id (dry run: nothing written)', async () => {
    const result = await dryRun('record-hotfix.yaml', {
      ...HOTFIX,
      openBackportPr: true,
    });

    expect(stepStatus(result)).toEqual({
      record: 'completed',
      backport: 'completed',
    });
    const backportLog = result.body.log
      .filter(event => event.body.stepId === 'backport')
      .map(event => event.body.message)
      .join('\n');
    expect(backportLog).toContain(
      'Dry run: would generate the back-port of HF-0; nothing was written',
    );
    expect(result.files).toEqual({});
  });
});
