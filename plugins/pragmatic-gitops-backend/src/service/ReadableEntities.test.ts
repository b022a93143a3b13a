import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ReadableEntities } from './ReadableEntities';

const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');
const TTL = 5_000;

/** Alice may read what the catalog's conditional query returns; bob all. */
function setup() {
  const clock = { now: 0 };
  let queries = 0;
  const catalog = catalogServiceMock.mock({
    queryEntities: async () => {
      queries++;
      return {
        items: [
          {
            kind: 'Component',
            metadata: { namespace: 'default', name: 'payments' },
          } as any,
        ],
        totalItems: 1,
        pageInfo: {},
      };
    },
  });
  const permissions = mockServices.permissions.mock({
    authorizeConditional: async (_requests, options?: any) =>
      [
        options.credentials.principal.userEntityRef === 'user:default/alice'
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_ENTITY_OWNER',
                resourceType: 'catalog-entity',
                params: {},
              },
            }
          : { result: AuthorizeResult.ALLOW },
      ] as any,
  });
  const readable = new ReadableEntities(catalog, permissions, {
    ttlMs: TTL,
    now: () => clock.now,
  });
  return { readable, clock, queries: () => queries };
}

describe('ReadableEntities', () => {
  it("reuses one principal's answer within the TTL, for that principal only", async () => {
    const { readable, clock, queries } = setup();
    expect(await readable.keysFor(alice)).toEqual(
      new Set(['component:default/payments']),
    );
    expect(await readable.keysFor(bob)).toBeUndefined();
    clock.now = TTL - 1;
    expect(await readable.keysFor(alice)).toEqual(
      new Set(['component:default/payments']),
    );
    expect(queries()).toBe(1);
    clock.now = TTL;
    await readable.keysFor(alice);
    expect(queries()).toBe(2);
  });
});
