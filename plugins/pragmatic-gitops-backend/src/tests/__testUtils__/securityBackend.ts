import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import request from 'supertest';
import { pragmaticGitopsPlugin } from '../../plugin';

export const API = '/api/pragmatic-gitops';

/** Who may do what: the permission name, the resource and the caller. */
export type Decide = (request: {
  permission: string;
  resourceRef?: string;
  credentials: BackstageCredentials;
}) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;

export const userRefOf = (credentials: BackstageCredentials) =>
  (credentials.principal as BackstageUserPrincipal).userEntityRef as
    | string
    | undefined;

/**
 * A catalog that answers each caller with only the entities `mayRead` lets
 * them see, the way the real catalog applies `catalog.entity.read`.
 */
function readAwareCatalog(
  entities: Entity[],
  mayRead: (entity: Entity, userRef: string | undefined) => boolean,
) {
  const base = catalogServiceMock({ entities });
  const visible = (entity: Entity | undefined, options?: any) => {
    const credentials = options?.credentials as BackstageCredentials;
    return entity && mayRead(entity, credentials && userRefOf(credentials))
      ? entity
      : undefined;
  };
  return catalogServiceMock.mock({
    getEntityByRef: async (ref, options) =>
      visible(await base.getEntityByRef(ref), options),
    getEntitiesByRefs: async (req, options) => {
      const { items } = await base.getEntitiesByRefs({
        ...req,
        fields: undefined,
      });
      return {
        items: items.map(e => visible(e, options) ?? null),
      } as any;
    },
    getEntities: async (req, options) => {
      const { items } = await base.getEntities({ ...req, fields: undefined });
      return {
        items: items.filter(e => visible(e, options)),
      };
    },
    queryEntities: async (req, options) => {
      // Decide on whole entities, as the catalog does before picking fields.
      const page = await base.queryEntities({ ...req, fields: undefined });
      const items = page.items.filter(e => visible(e, options));
      return { ...page, items, totalItems: items.length };
    },
  });
}

/**
 * The whole plugin on a test backend, with a permission policy and a
 * read-aware catalog, for tests that try an attack through the real router.
 * Users listed in `conditionalReaders` get a conditional catalog.entity.read
 * decision (the catalog then filters), everyone else is allowed.
 */
export async function startSecurityBackend(options: {
  knex: Knex;
  entities: Entity[];
  mayRead?: (entity: Entity, userRef: string | undefined) => boolean;
  conditionalReaders?: string[];
  decide?: Decide;
  config?: JsonObject;
}) {
  const decide: Decide = options.decide ?? (() => AuthorizeResult.ALLOW);
  const conditional = new Set(options.conditionalReaders ?? []);
  const catalog = readAwareCatalog(
    options.entities,
    options.mayRead ?? (() => true),
  );
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      requests.map(r => ({
        result: decide({
          permission: r.permission.name,
          resourceRef: (r as { resourceRef?: string }).resourceRef,
          credentials,
        }),
      })),
    authorizeConditional: async (requests, { credentials }) =>
      requests.map((): PolicyDecision => {
        const userRef = userRefOf(credentials);
        return userRef && conditional.has(userRef)
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_ENTITY_OWNER',
                resourceType: 'catalog-entity',
                params: { claims: [userRef] },
              },
            }
          : { result: AuthorizeResult.ALLOW };
      }) as any,
  });
  const { server } = await startTestBackend({
    features: [
      pragmaticGitopsPlugin,
      catalog.factory,
      permissions.factory,
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
    ],
  });
  const as = (header: string) => ({
    get: (path: string) =>
      request(server).get(`${API}${path}`).set('Authorization', header),
    post: (path: string, body?: object) =>
      request(server)
        .post(`${API}${path}`)
        .set('Authorization', header)
        .send(body),
  });
  return {
    server,
    user: (ref = 'user:default/alice') => as(mockCredentials.user.header(ref)),
    /** A service caller: `subject` as in `external:ci-agent` or `plugin:catalog`. */
    service: (subject?: string) =>
      as(
        subject
          ? mockCredentials.service.header({
              onBehalfOf: mockCredentials.service(subject),
              targetPluginId: 'pragmatic-gitops',
            })
          : mockCredentials.service.header(),
      ),
  };
}

/** A component whose manifests are `dir:` under the mock directory. */
export function deployedComponent(
  dir: ReturnType<typeof createMockDirectory>,
  name: string,
  options: { owner?: string; annotations?: Record<string, string> } = {},
): Entity {
  const owner = options.owner ?? 'team-shop';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${dir.resolve(
          'catalog/catalog-info.yaml',
        )}`,
        'pragmatic-gitops.io/track': 'declarative',
        'pragmatic-gitops.io/source-location': `dir:../deploy/${name}`,
        ...options.annotations,
      },
    },
    spec: { type: 'service', owner, lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

export const refOf = (entity: Entity) => stringifyEntityRef(entity);
