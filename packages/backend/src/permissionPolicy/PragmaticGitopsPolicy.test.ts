import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  pragmaticGitopsHotfixCreatePermission,
  pragmaticGitopsHotfixUpdatePermission,
  pragmaticGitopsObservationCreatePermission,
  pragmaticGitopsRefreshPermission,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { PragmaticGitopsPolicy } from './PragmaticGitopsPolicy';

const policy = new PragmaticGitopsPolicy(['group:default/team-platform']);

function user(...ownershipEntityRefs: string[]): PolicyQueryUser {
  return {
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
  } as PolicyQueryUser;
}

describe('PragmaticGitopsPolicy', () => {
  it.each(
    [
      pragmaticGitopsHotfixCreatePermission,
      pragmaticGitopsHotfixUpdatePermission,
      pragmaticGitopsRefreshPermission,
    ].map(permission => [permission.name, permission] as const),
  )('lets only the owners of an entity use %s', async (_name, permission) => {
    const alice = user('user:default/alice', 'group:default/team-payments');
    await expect(policy.handle({ permission }, alice)).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/alice', 'group:default/team-payments'],
        },
      },
    });
  });

  it('lets the platform groups record hotfixes and refresh everywhere', async () => {
    const bob = user('user:default/bob', 'group:default/team-platform');
    for (const permission of [
      pragmaticGitopsHotfixCreatePermission,
      pragmaticGitopsRefreshPermission,
    ]) {
      await expect(policy.handle({ permission }, bob)).resolves.toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('never lets a user push observations', async () => {
    const bob = user('user:default/bob', 'group:default/team-platform');
    await expect(
      policy.handle(
        { permission: pragmaticGitopsObservationCreatePermission },
        bob,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('leaves reads to the rest of the policy (allowed here)', async () => {
    await expect(
      policy.handle(
        { permission: catalogEntityReadPermission },
        user('user:default/carol'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
