import {
  AuthService,
  DiscoveryService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { createHash } from 'node:crypto';
import { gitopsTabLink } from '../hotfix/gitopsTabLink';
import { hotfixRequestFromInput } from '../hotfix/hotfixRequestFromInput';
import { postHotfix, RecordedHotfix } from '../hotfix/postHotfix';
import { DRY_RUN_HOTFIX_ID } from '../hotfix/dryRunHotfixId';
import { examples } from './recordHotfix.examples';

/**
 * Creates the `pragmatic-gitops:hotfix:record` action, which records an
 * emergency change applied by hand (outside Git) in the hotfix ledger of the
 * Pragmatic GitOps backend, on behalf of the user running the template.
 *
 * @remarks
 *
 * The backend takes who applied the hotfix from the user's token, never from
 * the request body, and checks that user's permission to record hotfixes for
 * the entity. The call is made once per task step: the result is kept in a
 * scaffolder checkpoint, and the request carries an `Idempotency-Key` derived
 * from the task and step, so a retried task never records the hotfix twice.
 *
 * @public
 */
export function createPragmaticGitopsRecordHotfixAction(options: {
  auth: AuthService;
  discovery: DiscoveryService;
  config: RootConfigService;
}): TemplateAction<
  // Spelled out: the types inferred from the schema below are the same, but
  // their members come out in no fixed order in the API report.
  {
    entityRef: string;
    title: string;
    description?: string;
    incidentUrl?: string;
    appliedAt?: string;
    changes: Array<{
      kind: string;
      namespace?: string;
      name: string;
      paths?: string[];
    }>;
  },
  {
    id: string;
    status: string;
    appliedBy?: string;
    link: string;
    backportTrailer: string;
  },
  'v2'
> {
  const { auth, discovery, config } = options;

  return createTemplateAction({
    id: 'pragmatic-gitops:hotfix:record',
    description:
      'Records a hotfix applied by hand to production in the Pragmatic GitOps hotfix ledger, as the user running the template, and outputs its id and the Backport-Of trailer that reconciles it',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .describe(
              'The entity whose live system was changed, e.g. component:default/payments',
            ),
        title: z => z.string().describe('What was done, in one line'),
        description: z =>
          z
            .string()
            .optional()
            .describe('Why and how, for whoever back-ports it (Markdown)'),
        incidentUrl: z =>
          z
            .string()
            .optional()
            .describe('Link to the incident, ticket or chat thread'),
        appliedAt: z =>
          z
            .string()
            .optional()
            .describe(
              'When the change was applied (ISO 8601 date-time); defaults to now',
            ),
        changes: z =>
          z
            .array(
              z.object({
                kind: z
                  .string()
                  .describe(
                    'Kind of the changed resource: Deployment, Cluster, or a Terraform resource type',
                  ),
                namespace: z
                  .string()
                  .optional()
                  .describe('Kubernetes namespace of the resource'),
                name: z
                  .string()
                  .describe('Name (or Terraform address) of the resource'),
                paths: z
                  .array(z.string())
                  .optional()
                  .describe(
                    'Fields that were changed, as JSON pointers, e.g. /spec/replicas',
                  ),
              }),
            )
            .describe('The resources changed by hand, at least one'),
      },
      output: {
        id: z => z.string().describe('Id of the hotfix, e.g. HF-42'),
        status: z =>
          z
            .string()
            .describe('Status of the hotfix, pending-backport when recorded'),
        appliedBy: z =>
          z
            .string()
            .optional()
            .describe(
              'Who applied it, as the backend recorded it from the user token',
            ),
        link: z =>
          z
            .string()
            .describe("Link to the Pragmatic GitOps tab of the entity's page"),
        backportTrailer: z =>
          z
            .string()
            .describe(
              'Commit trailer that marks the back-port, e.g. "Backport-Of: HF-42"',
            ),
      },
    },
    async handler(ctx) {
      const request = hotfixRequestFromInput(ctx.input);
      const link = gitopsTabLink(
        config.getOptionalString('app.baseUrl'),
        parseEntityRef(request.entityRef),
      );

      let hotfix: RecordedHotfix;
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would record the hotfix "${request.title}" for ${request.entityRef}; nothing was recorded`,
        );
        hotfix = { id: DRY_RUN_HOTFIX_ID, status: 'dry-run' };
      } else {
        const scope = iterationScope(ctx.each);
        hotfix = await ctx.checkpoint({
          key: `record-hotfix${scope}`,
          fn: async () =>
            postHotfix({
              auth,
              discovery,
              onBehalfOf: await ctx.getInitiatorCredentials(),
              idempotencyKey: idempotencyKey(
                `scaffolder:${ctx.task.id}:${
                  ctx.step?.id ?? 'record-hotfix'
                }${scope}`,
              ),
              request,
              signal: ctx.signal,
            }),
        });
        ctx.logger.info(
          `Recorded hotfix ${hotfix.id} (${hotfix.status}) for ${
            request.entityRef
          }${hotfix.appliedBy ? `, applied by ${hotfix.appliedBy}` : ''}`,
        );
      }

      ctx.output('id', hotfix.id);
      ctx.output('status', hotfix.status);
      if (hotfix.appliedBy) {
        ctx.output('appliedBy', hotfix.appliedBy);
      }
      ctx.output('link', link);
      ctx.output('backportTrailer', `Backport-Of: ${hotfix.id}`);
    },
  });
}

/** The backend accepts keys of up to 200 characters; longer ones are hashed. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

function idempotencyKey(key: string): string {
  return key.length <= MAX_IDEMPOTENCY_KEY_LENGTH
    ? key
    : `scaffolder:${sha256(key)}`;
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * A step run with `each` calls the action once per item under one step id:
 * each item gets its own checkpoint and idempotency key.
 */
function iterationScope(each: unknown): string {
  if (each === undefined) {
    return '';
  }
  return `:${sha256(JSON.stringify(each)).slice(0, 16)}`;
}
