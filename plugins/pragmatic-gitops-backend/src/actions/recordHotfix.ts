import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';
import { hotfixResponse } from '../service/hotfixResponse';
import { RecordHotfixDeps, recordHotfix } from '../service/recordHotfix';
import { entityRefInput, hotfixChangeSchema, hotfixSchema } from './schemas';

/**
 * `record-hotfix`: `POST /hotfixes` for assistants, through the same
 * recordHotfix: validated, `pragmatic-gitops.hotfix.create` checked, audited,
 * retries settled by key; who applied it is the calling user, never a field
 * of the input.
 */
export function registerRecordHotfixAction(
  actionsRegistry: ActionsRegistryService,
  options: RecordHotfixDeps & { auth: AuthService },
): void {
  actionsRegistry.register({
    name: 'record-hotfix',
    title: 'Record a hotfix applied outside Git',
    description: `Records in the audited hotfix ledger a change someone applied to production by hand (kubectl edit, a console, a script) during an incident, so the drift it causes is shown as explained and the back-port to Git is tracked until it lands.
It is recorded as applied by the signed-in user on whose behalf you act; there is no field for another person. The user needs the pragmatic-gitops.hotfix.create permission on the entity.
changes lists each changed resource (kind, namespace, name) and, where known, the JSON pointers of the changed fields (e.g. /spec/replicas).
Pass an idempotencyKey (any unique string, e.g. a UUID) and reuse it when you retry: a retry returns the hotfix the first call recorded (created: false) instead of recording a second one.`,
    attributes: { readOnly: false, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z
          .object({
            entityRef: entityRefInput(z, 'changed service'),
            title: z
              .string()
              .describe('What was changed, e.g. "Scaled payments-api to 6"'),
            description: z.string().optional(),
            incidentUrl: z
              .string()
              .optional()
              .describe('http(s) link to the incident'),
            appliedAt: z
              .string()
              .optional()
              .describe('ISO 8601 time it was applied; default now'),
            changes: z.array(hotfixChangeSchema(z)),
            idempotencyKey: z
              .string()
              .max(200)
              .optional()
              .describe('Reuse on retries to record the hotfix only once'),
          })
          .strict(),
      output: z =>
        z.object({
          hotfix: hotfixSchema(z),
          created: z
            .boolean()
            .describe('False when a retry returned the first record'),
        }),
    },
    examples: [
      {
        title: 'Replicas raised by hand during an incident',
        input: {
          entityRef: 'component:default/payments-api',
          title: 'Scaled payments-api to 6 replicas',
          incidentUrl: 'https://incidents.example.com/INC-42',
          changes: [
            {
              kind: 'Deployment',
              namespace: 'payments',
              name: 'payments-api',
              paths: ['/spec/replicas'],
            },
          ],
          idempotencyKey: '0f6c1e52-4d0b-4bb5-9a3c-2f6f8e0c9b11',
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const user = requireUser(options.auth, credentials);
      const { idempotencyKey, ...body } = input;
      const { hotfix, created } = await recordHotfix(options, {
        body,
        credentials: user,
        idempotencyKey: idempotencyKey || undefined,
        via: 'actions-registry',
      });
      return { output: { hotfix: hotfixResponse(hotfix), created } };
    },
  });
}

function requireUser(auth: AuthService, credentials: BackstageCredentials) {
  if (!auth.isPrincipal(credentials, 'user')) {
    throw new NotAllowedError(
      'record-hotfix records who applied the hotfix from the caller, so it must be invoked with a user token, not a service or static token',
    );
  }
  return credentials;
}
