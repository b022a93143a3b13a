import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';
import { hotfixResponse } from './hotfixResponse';
import { HotfixStatus, NewHotfixRequest } from '../ledger/types';
import { spec } from '../schema/openapi/generated';
import {
  rejectUnknownFields,
  withoutIdentityClaims,
} from '../schema/rejectUnknownFields';
import { auditedWrite } from './auditedWrite';
import { RecordHotfixDeps, recordHotfix } from './recordHotfix';
import { requireOwnerRef } from '../scan/ownerOf';
import { BackportService } from '../backport/BackportService';
import { NotImplementedError } from '@backstage/errors';

/**
 * What `createOpenApiRouter()` resolves to. (Spelled as
 * `Awaited<ReturnType<typeof createOpenApiRouter>>` the type is too deep for
 * the compiler; this is the same type.)
 */
export type HotfixRouter = ApiRouter<typeof spec>;

export type HotfixRoutesOptions = RecordHotfixDeps & {
  httpAuth: HttpAuthService;
  /** Lower-cased refs of the entities a (normalised) owner owns. */
  ownedKeys?: (ownerRef: string) => Promise<ReadonlySet<string>>;
  /** Generates back-ports (`POST /hotfixes/{id}/backport` without `url`). */
  backports?: BackportService;
};

type AuditedWrite =
  | 'hotfix-create'
  | 'hotfix-backport'
  | 'hotfix-abandon'
  | 'hotfix-acknowledge';

/**
 * The hotfix ledger's REST API, added to the plugin's spec-validated router.
 * Writes are for signed-in users only (who applied a hotfix comes from their
 * credentials, never from the body) and are audited; reads are for users and
 * services and only show hotfixes of entities the caller may read.
 */
export function registerHotfixRoutes(
  router: HotfixRouter,
  options: HotfixRoutesOptions,
): void {
  const { httpAuth, auditor, hotfixes, ownedKeys, backports } = options;

  /** Runs a write inside an audit event, recording its success or failure. */
  async function audited<T>(
    req: Request,
    eventId: AuditedWrite,
    meta: { hotfixId?: string; entityRef?: string; actor: string },
    write: () => Promise<T>,
    successMeta: (result: T) => JsonObject,
  ): Promise<T> {
    return auditedWrite(
      auditor,
      { eventId, request: req, meta },
      write,
      successMeta,
    );
  }

  router.get('/hotfixes', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { entityRef, status, overdue, acknowledged, owner, offset, limit } =
      req.query;
    const ownerRef = owner === undefined ? undefined : requireOwnerRef(owner);
    const list = await hotfixes.list(
      {
        entityRef,
        status: status as HotfixStatus | undefined,
        overdue: overdue === undefined ? undefined : String(overdue) === 'true',
        acknowledged:
          acknowledged === undefined
            ? undefined
            : String(acknowledged) === 'true',
        entityKeys:
          ownerRef && ownedKeys ? await ownedKeys(ownerRef) : undefined,
        offset: offset === undefined ? undefined : Number(offset),
        limit: limit === undefined ? undefined : Number(limit),
      },
      credentials,
    );
    res.json({
      items: list.items.map(hotfixResponse),
      totalItems: list.totalItems,
    });
  });

  router.post('/hotfixes', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    // Identity comes from credentials: a claimed one is dropped unread (the
    // contract says ignored); any other unknown field, a typo, is a 400.
    const body = withoutIdentityClaims(req.body);
    rejectUnknownFields(body, 'NewHotfix');
    const { hotfix, created } = await recordHotfix(options, {
      body: body as NewHotfixRequest,
      credentials,
      idempotencyKey: req.header('idempotency-key') || undefined,
      request: req,
    });
    res.status(created ? 201 : 200).json(hotfixResponse(hotfix));
  });

  router.get('/hotfixes/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(hotfixResponse(await hotfixes.get(req.params.id, credentials)));
  });

  router.post('/hotfixes/:id/backport', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const actor = credentials.principal.userEntityRef;
    const hotfixId = req.params.id;
    const entityRef = await hotfixes.entityRefOf(hotfixId);
    const body = (req.body ?? {}) as { url?: string };
    if (body.url === undefined) {
      // No url: generate the back-port (a diff, or a pull request).
      const { backport, created } = await audited(
        req,
        'hotfix-backport',
        { hotfixId, entityRef, actor },
        async () => {
          if (!backports) {
            throw new NotImplementedError(
              'Back-port generation is not configured',
            );
          }
          return backports.generate(hotfixId, credentials);
        },
        ({ backport: result }) => ({
          hotfixId,
          type: result.type,
          written: result.written.length,
          refused: result.refused.length,
          ...(result.pullRequest
            ? {
                pullRequest: result.pullRequest.url,
                created: result.pullRequest.created,
              }
            : {}),
        }),
      );
      res.status(created ? 201 : 200).json(backport);
      return;
    }
    const hotfix = await audited(
      req,
      'hotfix-backport',
      { hotfixId, entityRef, actor },
      () => hotfixes.backport(hotfixId, { url: body.url! }, credentials),
      result => ({ hotfixId, status: result.status, url: body.url! }),
    );
    res.json(hotfixResponse(hotfix));
  });

  router.post('/hotfixes/:id/abandon', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const actor = credentials.principal.userEntityRef;
    const hotfixId = req.params.id;
    const entityRef = await hotfixes.entityRefOf(hotfixId);
    const hotfix = await audited(
      req,
      'hotfix-abandon',
      { hotfixId, entityRef, actor },
      () => hotfixes.abandon(hotfixId, req.body, credentials),
      result => ({ hotfixId, status: result.status }),
    );
    res.json(hotfixResponse(hotfix));
  });

  router.post('/hotfixes/:id/acknowledge', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const actor = credentials.principal.userEntityRef;
    const hotfixId = req.params.id;
    const entityRef = await hotfixes.entityRefOf(hotfixId);
    const body = (req.body ?? {}) as { note?: string };
    const hotfix = await audited(
      req,
      'hotfix-acknowledge',
      { hotfixId, entityRef, actor },
      () => hotfixes.acknowledge(hotfixId, body, credentials),
      result => ({ hotfixId, status: result.status }),
    );
    res.json(hotfixResponse(hotfix));
  });
}
