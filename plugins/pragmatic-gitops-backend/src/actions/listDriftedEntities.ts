import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { OverviewStore } from '../database/OverviewStore';
import { requireOwnerRef } from '../scan/ownerOf';
import { ReadableEntities } from '../service/ReadableEntities';
import { driftStatusSchema, overviewItemSchema, trackSchema } from './schemas';

const MAX_LIMIT = 500;

/** `list-drifted-entities`: the fleet overview's items, drifted ones by default. */
export function registerListDriftedEntitiesAction(
  actionsRegistry: ActionsRegistryService,
  options: { overview: OverviewStore; readableEntities: ReadableEntities },
): void {
  actionsRegistry.register({
    name: 'list-drifted-entities',
    title: 'List entities whose production differs from Git',
    description: `Lists catalog entities by GitOps drift status, longest-standing first, from the fleet overview.
Without a status it lists drifted entities: live differs from Git and no open hotfix explains it. Pass status "explained" for drift covered by hotfixes, "unknown" for entities whose state could not be read, "pending" for imperative changes waiting to be applied.
Filter by owner (a group or user ref such as group:default/team-payments, or just team-payments) and by track (declarative, operator, imperative).
Only entities the caller may read in the catalog are listed. Each item has since (when the status began) and reason; use get-entity-gitops-status for the drifted fields of one entity.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .optional()
            .describe(
              'Owner entity ref, e.g. group:default/team-payments or team-payments',
            ),
          track: trackSchema(z).optional(),
          status: driftStatusSchema(z)
            .optional()
            .describe('Drift status to list; default drifted'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(MAX_LIMIT)
            .optional()
            .describe(`At most this many items (default 50, max ${MAX_LIMIT})`),
        }),
      output: z =>
        z.object({
          items: z.array(overviewItemSchema(z)),
          totalItems: z
            .number()
            .describe('How many entities match, beyond the limit too'),
        }),
    },
    examples: [
      {
        title: 'Drifted services of the payments team',
        input: { owner: 'group:default/team-payments' },
      },
    ],
    action: async ({ input, credentials }) => {
      const { items, totalItems } = await options.overview.overview({
        readable: await options.readableEntities.keysFor(credentials),
        owner:
          input.owner === undefined ? undefined : requireOwnerRef(input.owner),
        track: input.track,
        status: input.status ?? 'drifted',
        limit: input.limit,
      });
      return { output: { items, totalItems } };
    },
  });
}
