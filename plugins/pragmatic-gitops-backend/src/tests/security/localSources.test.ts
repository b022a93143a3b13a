/*
 * Finding 4: a catalog file's dir: source may read its own repository only
 * (or roots the operator listed); refusals make the entity unknown with a
 * reason naming the annotation and never a host path.
 */
import {
  createMockDirectory,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import { JsonObject } from '@backstage/types';
import {
  deployedComponent,
  startSecurityBackend,
} from '../__testUtils__/securityBackend';

jest.setTimeout(60_000);

const SECRET_HOST_FILE =
  'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: host-secret }\n';

// The host: a checkout (repo/) beside directories it must not reach.
const host = createMockDirectory();
host.setContent({
  'repo/.git/HEAD': 'ref: refs/heads/main',
  'repo/catalog/catalog-info.yaml': 'kind: Component',
  'repo/deploy/web/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, namespace: shop }\nspec: { replicas: 2 }\n',
  'outside/etc/configmap.yaml': SECRET_HOST_FILE,
  'shared/manifests/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: shared }\nspec: { replicas: 1 }\n',
  'loose/catalog-info.yaml': 'kind: Component',
  'loose/sibling/deployment.yaml': SECRET_HOST_FILE,
});
fs.symlinkSync(host.resolve('outside/etc'), host.resolve('repo/deploy/escape'));

const repo = {
  resolve: (p: string) => host.resolve(`repo/${p}`),
} as ReturnType<typeof createMockDirectory>;

function withSource(name: string, target: string, location?: string): Entity {
  const entity = deployedComponent(repo, name, {
    annotations: { 'pragmatic-gitops.io/source-location': `dir:${target}` },
  });
  if (location) {
    entity.metadata.annotations!['backstage.io/managed-by-location'] = location;
  }
  return entity;
}

const entities = [
  withSource('parent-escape', '../../outside/etc'),
  withSource('absolute', host.resolve('outside/etc')),
  withSource('symlink-escape', '../deploy/escape'),
  withSource(
    'no-checkout',
    '../sibling',
    `file:${host.resolve('loose/catalog-info.yaml')}`,
  ),
  withSource('in-repo', '../deploy/web'),
  withSource('configured-root', '../../shared/manifests'),
  withSource(
    'other-repo',
    '../../../../other-repo/blob/main/x',
    'url:https://github.com/org/repo/blob/main/catalog/catalog-info.yaml',
  ),
];

describe('dir: source locations stay in their repository', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function start(config?: JsonObject) {
    const knex = await databases.init('SQLITE_3');
    return startSecurityBackend({ knex, entities, config });
  }

  it.each([
    ['parent-escape', 'leaves the repository of its catalog file'],
    ['absolute', 'names an absolute dir: target'],
    ['symlink-escape', 'leaves the repository of its catalog file'],
    ['no-checkout', 'leaves the repository of its catalog file'],
    ['configured-root', 'leaves the repository of its catalog file'],
    ['other-repo', 'must stay in the same repository and ref'],
  ])(
    'refuses %s: unknown, the annotation named, no host path',
    async (name, why) => {
      const backend = await start();
      const res = await backend
        .user()
        .get(`/entities/component/default/${name}`);
      expect(res.status).toBe(200);
      expect(res.body.drift.status).toBe('unknown');
      expect(res.body.drift.reason).toMatch(
        /^pragmatic-gitops\.io\/source-location /,
      );
      expect(res.body.drift.reason).toContain(why);
      const body = JSON.stringify(res.body);
      expect(body).not.toContain(host.path);
      expect(body).not.toContain('host-secret');
    },
  );

  it('reads directories inside the checkout, and roots listed in config', async () => {
    const backend = await start({
      pragmaticGitops: { localSources: { roots: [host.resolve('shared')] } },
    });
    const inRepo = await backend
      .user()
      .get('/entities/component/default/in-repo');
    expect(inRepo.body.drift.reason).toContain('No live state observed yet');
    const root = await backend
      .user()
      .get('/entities/component/default/configured-root');
    expect(root.body.drift.reason).toContain('No live state observed yet');
  });
});
