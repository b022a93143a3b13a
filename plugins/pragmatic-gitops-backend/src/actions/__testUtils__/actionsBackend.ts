import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Knex } from 'knex';
import request from 'supertest';
import { pragmaticGitopsPlugin } from '../../plugin';

export const ACTIONS = '/api/pragmatic-gitops/.backstage/actions/v1/actions';

/**
 * The plugin with the actions registry and the MCP actions backend, over a
 * mock catalog. Permissions named in `deny` are denied, everything else allowed.
 */
export async function startActionsBackend(options: {
  knex: Knex;
  entities: Entity[];
  deny?: string[];
}) {
  const deny = options.deny ?? [];
  const decide = async (requests: Array<{ permission: { name: string } }>) =>
    requests.map(asked => ({
      result: deny.includes(asked.permission.name)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    }));
  const { server } = await startTestBackend({
    features: [
      pragmaticGitopsPlugin,
      mcpActionsPlugin,
      actionsRegistryServiceFactory,
      actionsServiceFactory,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://portal.example.com' },
          backend: { actions: { pluginSources: ['pragmatic-gitops'] } },
        },
      }),
      mockServices.permissions.mock({
        authorize: jest.fn(decide) as any,
        authorizeConditional: jest.fn(decide) as any,
      }).factory,
    ],
  });
  return server;
}

/** Invokes one of the plugin's actions as a user (by default). */
export function invokeAction(
  server: any,
  name: string,
  input: object,
  authorization = mockCredentials.user.header(),
) {
  return request(server)
    .post(`${ACTIONS}/pragmatic-gitops:${name}/invoke`)
    .set('Authorization', authorization)
    .send(input);
}
