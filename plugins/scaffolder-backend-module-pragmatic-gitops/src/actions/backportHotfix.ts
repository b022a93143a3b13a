import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import {
  HotfixBackport,
  isHotfixId,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { postBackport } from '../hotfix/postBackport';
import { DRY_RUN_HOTFIX_ID } from '../hotfix/dryRunHotfixId';
import { examples } from './backportHotfix.examples';

/**
 * Creates the `pragmatic-gitops:hotfix:backport` action, which generates
 * the back-port of a pending hotfix on behalf of the user running the
 * template: the live value of every field the hotfix touched written into the
 * manifest that declares it, as a pull request (GitHub or GitLab `url:`
 * sources) or a unified diff (`dir:` sources).
 *
 * @remarks
 *
 * The backend checks the user's `pragmatic-gitops.hotfix.update` permission
 * and is idempotent (a second call returns the pull request already open);
 * the result is also kept in a scaffolder checkpoint, so a retried task
 * outputs the same back-port. Fields it cannot write honestly (secret
 * values, fields no plain manifest declares, Terraform, migrations) are
 * output in `refused`, with the reason.
 *
 * @public
 */
export function createPragmaticGitopsBackportHotfixAction(options: {
  auth: AuthService;
  discovery: DiscoveryService;
}): TemplateAction<
  { hotfixId: string },
  // Spelled out: the type inferred from the schema below is the same, but
  // its members come out in no fixed order in the API report.
  {
    type: 'pull-request' | 'diff' | 'dry-run';
    pullRequestUrl?: string;
    diff?: string;
    refused: Array<{
      resource?: { kind: string; namespace?: string; name: string };
      path: string;
      code: string;
      reason: string;
    }>;
  },
  'v2'
> {
  const { auth, discovery } = options;

  return createTemplateAction({
    id: 'pragmatic-gitops:hotfix:backport',
    description:
      'Generates the back-port of a pending hotfix, as the user running the template: a pull request writing the live values into the manifests of a GitHub or GitLab source (carrying the Backport-Of trailer), or a unified diff for a local source, and the fields left to the user with why',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        hotfixId: z =>
          z
            .string()
            .regex(/^\s*HF-[0-9]+\s*$/, {
              message: 'must be a hotfix id such as HF-42',
            })
            .describe(
              "Id of the pending hotfix, e.g. HF-42 or ${{ steps['record'].output.id }}",
            ),
      },
      output: {
        type: z =>
          z
            .enum(['pull-request', 'diff', 'dry-run'])
            .describe(
              'pull-request (opened or already open), diff (a patch to apply by hand), or dry-run',
            ),
        pullRequestUrl: z =>
          z
            .string()
            .optional()
            .describe('The back-port pull request, for a pull-request'),
        diff: z =>
          z
            .string()
            .optional()
            .describe('The unified diff to apply, for a diff'),
        refused: z =>
          z
            .array(
              z.object({
                resource: z
                  .object({
                    kind: z.string(),
                    namespace: z.string().optional(),
                    name: z.string(),
                  })
                  .optional(),
                path: z.string(),
                code: z.string(),
                reason: z.string(),
              }),
            )
            .describe('Fields the back-port leaves to the user, each with why'),
      },
    },
    async handler(ctx) {
      const hotfixId = parseHotfixId(ctx.input.hotfixId, ctx.isDryRun === true);

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would generate the back-port of ${hotfixId}; nothing was written`,
        );
        ctx.output('type', 'dry-run');
        ctx.output('refused', []);
        return;
      }

      const backport: HotfixBackport = await ctx.checkpoint({
        key: `backport-hotfix:${hotfixId}`,
        fn: async () =>
          postBackport({
            auth,
            discovery,
            onBehalfOf: await ctx.getInitiatorCredentials(),
            hotfixId,
            signal: ctx.signal,
          }),
      });

      const pullRequest = backport.pullRequest;
      if (backport.type === 'pull-request' && pullRequest) {
        ctx.logger.info(
          `${
            pullRequest.created ? 'Opened' : 'Found the open'
          } back-port pull request #${pullRequest.number} of ${hotfixId}: ${
            pullRequest.url
          }`,
        );
        ctx.output('pullRequestUrl', pullRequest.url);
      } else {
        const files = new Set(backport.written.map(field => field.file));
        ctx.logger.info(
          backport.diff
            ? `The back-port of ${hotfixId} is a patch of ${[...files].join(
                ', ',
              )}, to apply by hand`
            : `Nothing of ${hotfixId} could be back-ported automatically`,
        );
        if (backport.diff) {
          ctx.output('diff', backport.diff);
        }
      }
      for (const refusal of backport.refused) {
        ctx.logger.warn(
          `Left to you: ${refusal.path || '(whole resource)'}: ${
            refusal.reason
          }`,
        );
      }
      ctx.output('type', backport.type);
      // Only the fields the output declares, as plain objects and arrays:
      // the scaffolder's templater refuses anything else in later steps.
      ctx.output(
        'refused',
        Array.from(backport.refused, ({ resource, path, code, reason }) => ({
          ...(resource ? { resource: { ...resource } } : {}),
          path,
          code,
          reason,
        })),
      );
    },
  });
}

/** The trimmed id; a dry run also takes the record action's dry-run id. */
function parseHotfixId(value: unknown, isDryRun: boolean): string {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new InputError(
      `Invalid input hotfixId: expected a string such as HF-42, got ${typeof value}`,
    );
  }
  const id = value?.trim();
  if (!id) {
    throw new InputError(
      'Invalid input hotfixId: must not be empty; give a hotfix id such as HF-42',
    );
  }
  if (!isHotfixId(id) && !(isDryRun && id === DRY_RUN_HOTFIX_ID)) {
    throw new InputError(
      `Invalid input hotfixId: ${JSON.stringify(
        id,
      )} is not a hotfix id such as HF-42`,
    );
  }
  return id;
}
