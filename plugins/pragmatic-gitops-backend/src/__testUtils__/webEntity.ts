import {
  createMockDirectory,
  MockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';

/** A secret value in Git and live; it must never reach an output. */
export const CANARY = 'canary-3f1b9c2e';

const dir = createMockDirectory();
dir.setContent({
  // A checkout: dir: sources may point anywhere inside its working tree.
  '.git/HEAD': 'ref: refs/heads/main',
  'catalog/web.yaml': 'kind: Component',
  'deploy/web/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: shop/web:1.0.0
`,
  'deploy/web/secret.yaml': `apiVersion: v1
kind: Secret
metadata: { name: web-db, namespace: shop }
stringData: { password: ${CANARY} }
`,
});

/**
 * A declarative component registered from `catalog/web.yaml` of a mock
 * checkout, whose manifests are that checkout's `deploy/web`.
 */
export function dirSourcedComponent(
  checkout: MockDirectory,
  name: string,
  owner: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${checkout.resolve(
          'catalog/web.yaml',
        )}`,
        'pragmatic-gitops.io/track': 'declarative',
        'pragmatic-gitops.io/source-location': 'dir:../deploy/web',
      },
    },
    spec: { type: 'service', owner, lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

/** A declarative component whose manifests are this module's checkout's deploy/web. */
export function webComponent(name: string, owner: string): Entity {
  return dirSourcedComponent(dir, name, owner);
}

/** `component:default/web` of team-shop, and `api` of team-x that is never observed. */
export const webEntities = [
  webComponent('web', 'team-shop'),
  webComponent('api', 'team-x'),
];

/**
 * Pushes what `component:default/web` runs: in sync with Git at image 1.0.0
 * and secret password CANARY (by default the live password differs).
 */
export function pushObservation(
  server: any,
  options: { image: string; password?: string; observedAt?: string },
) {
  return request(server)
    .post('/api/pragmatic-gitops/observations')
    .set('Authorization', mockCredentials.service.header())
    .send({
      entityRef: 'component:default/web',
      source: 'ci-agent',
      ...(options.observedAt ? { observedAt: options.observedAt } : {}),
      objects: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'shop' },
          spec: {
            replicas: 2,
            template: {
              spec: { containers: [{ name: 'web', image: options.image }] },
            },
          },
        },
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'web-db', namespace: 'shop' },
          data: {
            password: Buffer.from(
              options.password ?? `${CANARY}-live`,
            ).toString('base64'),
          },
        },
      ],
    });
}

export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
}
