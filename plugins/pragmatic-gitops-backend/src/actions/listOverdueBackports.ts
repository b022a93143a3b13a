import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { OverviewStore } from '../database/OverviewStore';
import { entityKey } from '../database/EntityStatusStore';
import { HotfixService } from '../ledger';
import { entityPageLink } from '../ledger/entityPageLink';
import { requireOwnerRef } from '../scan/ownerOf';

/** The ledger pages at most this many; overdue back-ports are far fewer. */
const MAX_ITEMS = 500;
const HOUR_MS = 60 * 60 * 1000;

/** `list-overdue-backports`: pending-backport hotfixes past their SLA. */
export function registerListOverdueBackportsAction(
  actionsRegistry: ActionsRegistryService,
  options: {
    hotfixes: HotfixService;
    overview: OverviewStore;
    /** `app.baseUrl`, so links open the entity's GitOps tab. */
    appBaseUrl?: string;
    now?: () => Date;
  },
): void {
  const now = options.now ?? (() => new Date());
  actionsRegistry.register({
    name: 'list-overdue-backports',
    title: 'List hotfixes overdue for a back-port to Git',
    description: `Lists hotfixes (changes applied to production by hand, outside Git) that are still pending-backport after the back-port SLA: Git does not yet hold the change, so the next sync may revert it.
Oldest first, each with the entity, how long ago it was applied (ageHours), how long it is overdue (overdueHours) and a link to the entity's GitOps tab.
Filter by owner (a group or user ref such as group:default/team-payments, or just team-payments). Only hotfixes of entities the caller may read are listed.`,
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
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              id: z.string().describe('Hotfix id, HF-<n>'),
              entityRef: z.string(),
              title: z.string(),
              appliedBy: z.string(),
              appliedAt: z.string(),
              backportDueAt: z.string(),
              ageHours: z.number().describe('Hours since it was applied'),
              overdueHours: z.number().describe('Hours past the SLA'),
              incidentUrl: z.string().optional(),
              link: z.string().describe("The entity's GitOps tab"),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'Overdue back-ports of the payments team',
        input: { owner: 'group:default/team-payments' },
      },
    ],
    action: async ({ input, credentials }) => {
      const owned =
        input.owner === undefined
          ? undefined
          : await options.overview.scopeKeys({
              owner: requireOwnerRef(input.owner),
            });
      const { items } = await options.hotfixes.list(
        { overdue: true, limit: MAX_ITEMS },
        credentials,
      );
      const at = now().getTime();
      const hours = (ms: number) => Math.round((ms / HOUR_MS) * 10) / 10;
      return {
        output: {
          items: items
            .filter(hotfix => !owned || owned.has(entityKey(hotfix.entityRef)))
            .sort((a, b) => a.appliedAt.getTime() - b.appliedAt.getTime())
            .map(hotfix => ({
              id: hotfix.id,
              entityRef: hotfix.entityRef,
              title: hotfix.title,
              appliedBy: hotfix.appliedBy,
              appliedAt: hotfix.appliedAt.toISOString(),
              backportDueAt: hotfix.backportDueAt.toISOString(),
              ageHours: hours(at - hotfix.appliedAt.getTime()),
              overdueHours: hours(at - hotfix.backportDueAt.getTime()),
              ...(hotfix.incidentUrl
                ? { incidentUrl: hotfix.incidentUrl }
                : {}),
              link: `${options.appBaseUrl ?? ''}${entityPageLink(
                hotfix.entityRef,
              )}`,
            })),
        },
      };
    },
  });
}
