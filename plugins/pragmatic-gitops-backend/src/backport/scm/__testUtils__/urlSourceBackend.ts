/**
 * A hotfix backend whose entity reads its desired state from a `url:`
 * source on a mocked SCM: the demo's payments-api manifests and live state,
 * the UrlReader answering from the mocked repository's files.
 */
import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import request from 'supertest';
import {
  mockAuditor,
  startHotfixBackend,
  userHeader,
} from '../../../ledger/__testUtils__/startHotfixBackend';
import { DesiredStateReader } from '../../../desired/DesiredStateReader';
import {
  backportsWith,
  demoLiveObjects,
  demoSourceFile,
  refundsHotfix,
} from '../../__testUtils__/demoBackports';
import { PullRequestOpener } from '../PullRequestOpener';

export const DEPLOYMENT = demoSourceFile('apps/payments-api/deployment.yaml');
export const HPA = demoSourceFile('apps/payments-api/hpa.yaml');

/** The demo deployment with the refunds hotfix written in, edited by hand. */
export const PATCHED_DEPLOYMENT = DEPLOYMENT.replace(
  'payments-api:1.14.2',
  'payments-api:1.14.3-hotfix.1',
).replace(
  '              value: http://localhost:4317\n',
  '              value: http://localhost:4317\n            - name: FEATURE_FAST_REFUNDS\n              value: "true"\n',
);

export const APP_BASE_URL = 'https://portal.example.com';

/** The demo's payments-api manifests, as the mocked repository holds them. */
export const FILE = 'apps/payments-api/deployment.yaml';
export const REPOSITORY_FILES = {
  [FILE]: DEPLOYMENT,
  'apps/payments-api/hpa.yaml': HPA,
};
/** The branch of the first hotfix's back-port. */
export const BRANCH = 'pragmatic-gitops/backport-hf-1';

/**
 * Call inside `describe`: an msw server for the mocked SCM that lets the
 * requests to the backend under test through.
 */
export function mockScmServer() {
  const server = setupServer(
    http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
  );
  registerMswTestHooks(server);
  return server;
}

export function urlSourceEntity(source: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      namespace: 'default',
      annotations: {
        'pragmatic-gitops.io/track': 'declarative',
        'pragmatic-gitops.io/source-location': `url:${source}`,
        'backstage.io/kubernetes-namespace': 'payments',
      },
    },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  };
}

/** A UrlReader serving `dir` of the files `files()` returns (as the SCM's tree). */
export function treeReader(
  files: () => Map<string, string> | undefined,
  dir: string,
): UrlReaderService {
  return mockServices.urlReader.mock({
    readTree: jest.fn(async () => ({
      etag: 'etag-1',
      files: async () =>
        [...(files() ?? new Map())]
          .filter(([path]) => path.startsWith(`${dir}/`))
          .map(([path, text]) => ({
            path: path.slice(dir.length + 1),
            content: async () => Buffer.from(text, 'utf8'),
          })),
      archive: jest.fn(),
      dir: jest.fn(),
    })) as unknown as UrlReaderService['readTree'],
  });
}

/** Starts the backend, records the refunds hotfix, and returns a poster. */
export async function startUrlSourceBackend(options: {
  knex: Knex;
  source: string;
  integrations: JsonObject;
  reader: UrlReaderService;
  opener: (config: ConfigReader) => PullRequestOpener;
}) {
  const config = new ConfigReader({ integrations: options.integrations });
  const audit = mockAuditor();
  const entity = urlSourceEntity(options.source);
  const { server, hotfixes } = await startHotfixBackend({
    knex: options.knex,
    entities: [entity],
    auditor: audit.auditor,
    backports: backportsWith(
      () => ({ objects: demoLiveObjects('payments-api.json') }),
      {
        desiredReader: new DesiredStateReader(options.reader),
        openers: [options.opener(config)],
        appBaseUrl: APP_BASE_URL,
      },
    ),
  });
  const post = (path: string, body?: object) => {
    const req = request(server)
      .post(`/api/pragmatic-gitops/hotfixes${path}`)
      .set('Authorization', userHeader());
    return body ? req.send(body) : req;
  };
  const { body: hotfix } = await post('', refundsHotfix);
  return {
    config,
    audit,
    entity,
    hotfixes,
    post,
    id: hotfix.id as string,
    backport: () => post(`/${hotfix.id}/backport`),
  };
}
