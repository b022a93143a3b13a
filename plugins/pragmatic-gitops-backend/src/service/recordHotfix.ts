import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Request } from 'express';
import { HotfixService } from '../ledger/HotfixService';
import { HotfixRecordWithEvents, NewHotfixRequest } from '../ledger/types';
import { auditedWrite } from './auditedWrite';

export type RecordHotfixDeps = {
  auditor: AuditorService;
  hotfixes: HotfixService;
  logger: LoggerService;
  /**
   * Computes the hotfix's entity again, right after recording: its drift
   * shows explained and the lifecycle takes its baseline without waiting for
   * the next scan.
   */
  recompute?: (
    entityRef: string,
    credentials: BackstageCredentials,
  ) => Promise<unknown>;
};

/**
 * Records a hotfix the way `POST /hotfixes` and the `record-hotfix` action
 * both do: audited, as the calling user, idempotent by key, and with its
 * entity recomputed at once. `created` is false for a replayed key.
 */
export async function recordHotfix(
  deps: RecordHotfixDeps,
  input: {
    body: NewHotfixRequest;
    credentials: BackstageCredentials<BackstageUserPrincipal>;
    idempotencyKey?: string;
    /** The HTTP request, when there is one (the auditor reads the caller from it). */
    request?: Request;
    /** Where the call came from when it is not the REST API, for the audit record. */
    via?: string;
  },
): Promise<{ hotfix: HotfixRecordWithEvents; created: boolean }> {
  const { auditor, hotfixes, logger, recompute } = deps;
  const { body, credentials, idempotencyKey } = input;
  const actor = credentials.principal.userEntityRef;
  const { hotfix, created } = await auditedWrite(
    auditor,
    {
      eventId: 'hotfix-create',
      request: input.request,
      meta: {
        entityRef: body.entityRef,
        actor,
        ...(input.via ? { via: input.via } : {}),
      },
    },
    () => hotfixes.create(body, { credentials, idempotencyKey }),
    result => ({
      hotfixId: result.hotfix.id,
      entityRef: result.hotfix.entityRef,
      actor,
      replayed: !result.created,
    }),
  );
  if (created && recompute) {
    try {
      await recompute(hotfix.entityRef, credentials);
    } catch (error) {
      // The hotfix is recorded; the next scan takes the baseline instead.
      logger.warn(
        `Recomputing ${hotfix.entityRef} after recording ${hotfix.id} failed: ${
          (error as Error).message
        }`,
      );
    }
  }
  return { hotfix: await hotfixes.get(hotfix.id, credentials), created };
}
