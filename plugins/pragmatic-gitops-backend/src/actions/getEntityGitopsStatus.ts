import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { requireEntityRef } from '../ledger/validateHotfixInput';
import { EntityStatusService } from '../service/EntityStatusService';
import { entityRefInput, entityStatusSchema } from './schemas';

/** `get-entity-gitops-status`: what `GET /entities/{kind}/{namespace}/{name}` answers. */
export function registerGetEntityGitopsStatusAction(
  actionsRegistry: ActionsRegistryService,
  options: { entityStatus: EntityStatusService },
): void {
  actionsRegistry.register({
    name: 'get-entity-gitops-status',
    title: 'Get GitOps status of an entity',
    description: `Returns how one catalog entity is deployed and whether production matches Git.
- track: declarative (Git enforced), operator (Git declares, an operator owns the rest) or imperative (applied from CI, no continuous sync).
- drift.status: in-sync, drifted, explained (every drifted field is covered by an open hotfix), pending (imperative changes waiting), unknown (with drift.reason) or not-tracked; drift.since is when that status began.
- drift.resources: each resource with the JSON pointers where live differs from Git; secret values are never shown (masked: true).
- hotfixes: open hotfixes still owed to Git; findings: plaintext secrets in Git, stateful resources in a declarative track, bad annotations.
Use it to answer "is X drifting, since when, and why".`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({ entityRef: entityRefInput(z, 'entity to look at') }),
      output: entityStatusSchema,
    },
    examples: [
      {
        title: 'Status of the payments API',
        input: { entityRef: 'component:default/payments-api' },
      },
    ],
    action: async ({ input, credentials }) => {
      const entityRef = requireEntityRef(input.entityRef, 'entityRef');
      const status = await options.entityStatus.getEntityStatus(
        parseEntityRef(entityRef),
        credentials,
      );
      return { output: status };
    },
  });
}
