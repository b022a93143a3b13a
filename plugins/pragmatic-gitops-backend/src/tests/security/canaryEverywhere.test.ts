/*
 * Canary secret values never appear in responses, logs or database rows:
 * across the demo (its catalog, example GitOps repository and observation
 * files, the demo secrets being the canaries) and a synthetic fleet whose
 * manifests, pushed live state and Vault answers carry a canary in every
 * place a secret value can be. Every table is dumped on SQLite and
 * PostgreSQL; the logger records every line, audit events included.
 */
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { newHotfix } from '../../ledger/__testUtils__/fixtures';
import { pragmaticGitopsPlugin } from '../../plugin';
import { metadataBody } from '../../providers/vault/__fixtures__/vault';
import {
  b64,
  CANARY,
  FILES,
  TOKEN,
  VAULT,
} from '../../secrets/__fixtures__/canaryFiles';
import {
  dumpDatabase,
  findLeaks,
  recordingRootLogger,
} from '../__testUtils__/leakSearch';
import { API } from '../__testUtils__/securityBackend';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../../../../..');
const user = mockCredentials.user.header('user:default/alice');
const agent = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('external:ci-agent'),
  targetPluginId: 'pragmatic-gitops',
});

/** Runs the plugin, touches every read and write, returns where values could be. */
async function exercise(options: {
  knex: Knex;
  entities: Entity[];
  config: JsonObject;
  push?: (entityRef: string) => object | undefined;
}) {
  const { lines, rootLogger } = recordingRootLogger();
  const { server } = await startTestBackend({
    features: [
      pragmaticGitopsPlugin,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({ data: options.config }),
      rootLogger.factory,
    ],
  });
  const responses: Record<string, string> = {};
  const seen = async (name: string, req: request.Test) => {
    const res = await req;
    expect(res.status).toBeLessThan(500);
    responses[name] = res.text;
    return res;
  };
  const tracked = options.entities.filter(
    e => e.metadata.annotations?.['pragmatic-gitops.io/track'],
  );
  for (const entity of tracked) {
    const ref = stringifyEntityRef(entity);
    const urlPath = `/entities/${ref.replace(':', '/')}`.toLowerCase();
    const body = options.push?.(ref);
    if (body) {
      await seen(
        `push ${ref}`,
        request(server)
          .post(`${API}/observations`)
          .set('Authorization', agent)
          .send(body),
      );
    }
    await seen(
      `hotfix ${ref}`,
      request(server)
        .post(`${API}/hotfixes`)
        .set('Authorization', user)
        .send(newHotfix({ entityRef: ref })),
    );
    for (const suffix of ['/refresh']) {
      await seen(
        `POST ${urlPath}${suffix}`,
        request(server)
          .post(`${API}${urlPath}${suffix}`)
          .set('Authorization', user),
      );
    }
    for (const suffix of ['', '/history']) {
      await seen(
        `GET ${urlPath}${suffix}`,
        request(server)
          .get(`${API}${urlPath}${suffix}`)
          .set('Authorization', user),
      );
    }
  }
  for (const url of ['/overview?limit=500', '/hotfixes?limit=500']) {
    await seen(
      `GET ${url}`,
      request(server).get(`${API}${url}`).set('Authorization', user),
    );
  }
  await seen(
    'POST /entities/by-refs',
    request(server)
      .post(`${API}/entities/by-refs`)
      .set('Authorization', user)
      .send({ entityRefs: tracked.map(e => stringifyEntityRef(e)) }),
  );
  const rows = await dumpDatabase(options.knex);
  return {
    places: {
      ...Object.fromEntries(
        Object.entries(responses).map(([k, v]) => [`response ${k}`, v]),
      ),
      ...Object.fromEntries(
        Object.entries(rows).map(([k, v]) => [`table ${k}`, v]),
      ),
      logs: lines.join('\n'),
    },
    tables: Object.keys(rows),
    responses: Object.keys(responses).length,
    logLines: lines.length,
    tracked: tracked.length,
  };
}

/** The demo's secret values: every Secret's data and stringData, both forms. */
function demoCanaries(): string[] {
  const values = new Set<string>();
  const collect = (doc: any) => {
    if (doc?.kind !== 'Secret') return;
    for (const v of Object.values(doc.data ?? {})) {
      const decoded = Buffer.from(String(v), 'base64').toString('utf8');
      if (decoded.includes('demo-not-a-real')) values.add(String(v));
      // Both forms, except public certificates (Strimzi also lists its CA
      // certificate in the Kafka status, which is not a secret).
      if (
        decoded.includes('demo-not-a-real') &&
        !decoded.startsWith('-----BEGIN CERTIFICATE')
      ) {
        values.add(decoded);
      }
    }
    for (const v of Object.values(doc.stringData ?? {})) values.add(String(v));
  };
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap(e =>
        e.isDirectory()
          ? walk(path.join(dir, e.name))
          : [path.join(dir, e.name)],
      );
  for (const file of walk(path.join(ROOT, 'examples'))) {
    const text = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      for (const o of JSON.parse(text).objects ?? []) collect(o);
    } else if (/\.ya?ml$/.test(file) && !file.includes('.sops.')) {
      for (const doc of parseAllDocuments(text)) collect(doc.toJS());
    }
  }
  // The demo's plain secrets, also where they are not in a Secret (a
  // Terraform plan's secret_string, a header value).
  return [
    ...values,
    'demo-not-a-real-password',
    'demo-not-a-real-session-secret',
    'demo-not-a-real-private-key',
    'demo-not-a-real-ec-private-key',
    'demo-not-a-real-p12',
  ];
}

function demoEntities(): Entity[] {
  const dir = path.join(ROOT, 'catalog/entities');
  return fs.readdirSync(dir).flatMap(file =>
    parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))
      .map(doc => doc.toJS() as Entity)
      .filter(e => e?.kind)
      .map(e => ({
        ...e,
        metadata: {
          ...e.metadata,
          namespace: e.metadata.namespace ?? 'default',
          annotations: {
            ...e.metadata.annotations,
            'backstage.io/managed-by-location': `file:${path.join(dir, file)}`,
          },
        },
      })),
  );
}

const fleetDir = createMockDirectory();
const FLEET = 15;
fleetDir.setContent({
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/catalog-info.yaml': 'kind: Component',
  ...Object.fromEntries(
    Array.from({ length: FLEET }).flatMap((_, i) =>
      FILES.map(f => [`deploy/svc-${i}/${path.basename(f.path)}`, f.content]),
    ),
  ),
});
const LIVE = (i: number) => `canary-live-secret-${i}-c0ffee`;
const fleetEntities: Entity[] = Array.from({ length: FLEET }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `svc-${i}`,
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': `file:${fleetDir.resolve(
        'catalog/catalog-info.yaml',
      )}`,
      'pragmatic-gitops.io/track': 'declarative',
      'pragmatic-gitops.io/source-location': `dir:../deploy/svc-${i}`,
      'pragmatic-gitops.io/secret-refs': [
        'vault:secret/payments/db#password',
        'vault:secret/payments/broken#x',
        'vault:secret/payments/garbage#x',
      ].join(','),
    },
  },
  spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
}));
const fleetPush = (entityRef: string) => {
  const i = Number(entityRef.split('svc-')[1]);
  return {
    entityRef,
    source: 'ci-agent',
    objects: [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'payments-legacy',
          annotations: {
            'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
              apiVersion: 'v1',
              kind: 'Secret',
              data: { token: b64(LIVE(i)) },
            }),
          },
        },
        data: { password: b64(LIVE(i)), extra: b64(CANARY.data) },
        stringData: { 'api-key': LIVE(i) },
      },
    ],
  };
};
const fleetCanaries = [
  ...Object.values(CANARY),
  ...Object.values(CANARY).map(b64),
  ...Array.from({ length: FLEET }, (_, i) => [LIVE(i), b64(LIVE(i))]).flat(),
  TOKEN,
];

describe('canary secret values never leave the backend', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const vault = setupServer(
    http.get(`${VAULT}/v1/:mount/data/*`, () =>
      HttpResponse.json({ data: { data: { password: CANARY.dataEndpoint } } }),
    ),
    http.get(`${VAULT}/v1/:mount/metadata/payments/db`, () =>
      HttpResponse.json(
        metadataBody({ custom_metadata: { note: CANARY.customMetadata } }),
      ),
    ),
    http.get(`${VAULT}/v1/:mount/metadata/payments/broken`, () =>
      HttpResponse.json({ errors: [CANARY.errorBody] }, { status: 500 }),
    ),
    http.get(`${VAULT}/v1/:mount/metadata/payments/garbage`, () =>
      HttpResponse.text(`oops ${CANARY.garbageBody}`),
    ),
  );
  beforeAll(() => vault.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => vault.close());
  const figures: string[] = [];
  afterAll(() => console.log(figures.join('\n'))); // eslint-disable-line no-console

  it.each(databases.eachSupportedId())('the demo, on %s', async databaseId => {
    const result = await exercise({
      knex: await databases.init(databaseId),
      entities: demoEntities(),
      config: {
        pragmaticGitops: {
          localSources: { roots: [path.join(ROOT, 'examples/gitops-repo')] },
          observations: {
            directory: path.join(ROOT, 'examples/observations'),
          },
        },
      },
    });
    const canaries = demoCanaries();
    expect(canaries.length).toBeGreaterThan(5);
    expect(findLeaks(result.places, canaries)).toEqual([]);
    figures.push(
      `demo on ${databaseId}: ${result.tracked} tracked entities, ${canaries.length} canaries, searched ${result.responses} responses, ${result.tables.length} tables, ${result.logLines} log lines: 0 found`,
    );
  });

  it.each(databases.eachSupportedId())(
    'a synthetic fleet, on %s',
    async databaseId => {
      const result = await exercise({
        knex: await databases.init(databaseId),
        entities: fleetEntities,
        config: {
          pragmaticGitops: {
            vault: {
              instances: [{ name: 'prod', baseUrl: VAULT, token: TOKEN }],
            },
          },
        },
        push: fleetPush,
      });
      expect(findLeaks(result.places, fleetCanaries)).toEqual([]);
      figures.push(
        `fleet on ${databaseId}: ${result.tracked} entities, ${fleetCanaries.length} canaries, searched ${result.responses} responses, ${result.tables.length} tables, ${result.logLines} log lines: 0 found`,
      );
    },
  );
});
