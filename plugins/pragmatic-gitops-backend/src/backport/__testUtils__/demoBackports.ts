/** The demo's entities, sources and observations, for back-port tests. */
import { mockServices } from '@backstage/backend-test-utils';
import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ConfigReader } from '@backstage/config';
import { readPluginSettings } from '../../config';
import { DesiredStateReader } from '../../desired/DesiredStateReader';
import { KubeObject, LiveState } from '../../engine/types';
import { redactLiveState } from '../../observations/redactSecrets';
import { keyedSecretDigest } from '../../observations/secretDigest';
import { BackportPullRequestStore } from '../BackportPullRequestStore';
import { BackportService, BackportServiceOptions } from '../BackportService';

/** The repository root (the demo's catalog and examples live there). */
export const REPO_ROOT = path.resolve(__dirname, '../../../../..');
export const CATALOG_FILE = path.join(
  REPO_ROOT,
  'catalog/entities/payments.yaml',
);
export const testDigest = keyedSecretDigest(Buffer.alloc(32, 7));

/** The demo's pending refunds hotfix (examples/timeline.yaml). */
export const refundsHotfix = {
  entityRef: 'component:default/payments-api',
  title: 'Ship refunds double-charge fix and enable fast refunds',
  incidentUrl: 'https://status.example.com/incidents/INC-2063',
  changes: [
    {
      kind: 'Deployment',
      namespace: 'payments',
      name: 'payments-api',
      paths: [
        '/spec/template/spec/containers/0/image',
        '/spec/template/spec/containers/0/env',
      ],
    },
  ],
};

/** The fields of the refunds hotfix, and the resource they belong to. */
export const REFUNDS_IMAGE = '/spec/template/spec/containers/0/image';
export const REFUNDS_ENV = '/spec/template/spec/containers/0/env';
export const REFUNDS_RESOURCE = {
  kind: 'Deployment',
  namespace: 'payments',
  name: 'payments-api',
};

/** A demo entity as the catalog serves it, with the file location it was read from. */
export function demoEntity(name: string, file = CATALOG_FILE): Entity {
  const doc = parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(d => d.toJS() as Entity)
    .find(e => e?.metadata?.name === name);
  if (!doc) throw new Error(`no ${name} in ${file}`);
  return {
    ...doc,
    metadata: {
      ...doc.metadata,
      namespace: 'default',
      annotations: {
        ...doc.metadata.annotations,
        [ANNOTATION_LOCATION]: `file:${file}`,
      },
    },
  };
}

/** The live objects of one demo observation file. */
export function demoLiveObjects(file: string): KubeObject[] {
  return JSON.parse(
    fs.readFileSync(
      path.join(REPO_ROOT, 'examples/observations', file),
      'utf8',
    ),
  ).objects;
}

export function demoSourceFile(relative: string): string {
  return fs.readFileSync(
    path.join(REPO_ROOT, 'examples/gitops-repo', relative),
    'utf8',
  );
}

/**
 * A `startHotfixBackend` back-port factory: live state from `live`
 * (undefined: nothing observed), sources read for real.
 */
export function backportsWith(
  live: (entity: Entity) => LiveState | undefined,
  overrides: Partial<BackportServiceOptions> = {},
) {
  return (
    deps: Pick<BackportServiceOptions, 'hotfixes' | 'access'> & {
      db: import('knex').Knex;
    },
  ) =>
    new BackportService({
      hotfixes: deps.hotfixes,
      access: deps.access,
      desiredReader: new DesiredStateReader(mockServices.urlReader.mock()),
      observeLive: async entity => {
        const state = live(entity);
        return state ? redactLiveState(state, testDigest) : undefined;
      },
      pullRequests: new BackportPullRequestStore(deps.db),
      openers: [],
      secretDigest: testDigest,
      // The configured defaults, as a portal without ignoreDifferences has them.
      ignoreDefaults: readPluginSettings(new ConfigReader({})).ignoreDefaults,
      ...overrides,
    });
}
