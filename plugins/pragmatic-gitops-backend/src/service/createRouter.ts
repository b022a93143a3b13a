import {
  AuditorService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ErrorRequestHandler } from 'express';
import { Knex } from 'knex';
import {
  asServiceUnavailable,
  isDatabaseUnavailable,
} from '../database/databaseUnavailable';
import { OverviewStore } from '../database/OverviewStore';
import { requireOwnerRef } from '../scan/ownerOf';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { EntityStatusService } from './EntityStatusService';
import { EntityStatusSummaries } from './EntityStatusSummaries';
import { ObservationService } from './ObservationService';
import { HotfixService } from '../ledger';
import { registerHotfixAuditRoutes } from './hotfixAuditRoutes';
import { registerHotfixRoutes } from './hotfixRoutes';
import { BackportService } from '../backport/BackportService';
import { jsonBody } from './jsonBody';
import { ReadableEntities } from './ReadableEntities';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  db: Knex;
  entityStatus: EntityStatusService;
  summaries: EntityStatusSummaries;
  observations: ObservationService;
  overview: OverviewStore;
  hotfixes: HotfixService;
  readableEntities: ReadableEntities;
  logger: LoggerService;
  backports?: BackportService;
};

/**
 * HTTP API of the plugin. Requests are validated against the OpenAPI spec
 * before they reach a handler, so handlers only see well-formed input.
 * Reads need a signed-in user or a service; writes are audited.
 */
export async function createRouter(options: RouterOptions) {
  const {
    httpAuth,
    auditor,
    db,
    entityStatus,
    summaries,
    observations,
    overview,
    hotfixes,
    readableEntities,
    logger,
  } = options;
  const router = await createOpenApiRouter({ middleware: jsonBody });

  router.get('/health', async (_req, res) => {
    await db.raw('select 1');
    res.json({ status: 'ok' });
  });

  router.post('/entities/by-refs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json({
      items: await summaries.byRefs(req.body.entityRefs, credentials),
    });
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await entityStatus.getEntityStatus(req.params, credentials));
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await entityStatus.history(req.params, credentials));
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const event = await auditor.createEvent({
      eventId: 'entity-refresh',
      severityLevel: 'low',
      request: req,
      meta: {
        entityRef: `${req.params.kind}:${req.params.namespace}/${req.params.name}`,
      },
    });
    try {
      const status = await entityStatus.refresh(req.params, credentials);
      await event.success({ meta: { status: status.drift.status } });
      res.json(status);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/overview', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { owner, hotfixes: withHotfixes, ...rest } = req.query;
    const ownerRef = owner === undefined ? undefined : requireOwnerRef(owner);
    // Only what the caller may read in the catalog: items, totals and counts.
    const [readable, onlyKeys] = await Promise.all([
      readableEntities.keysFor(credentials),
      withHotfixes ? hotfixes.entityKeysWith(withHotfixes) : undefined,
    ]);
    const [page, hotfixCounts] = await Promise.all([
      overview.overview({ ...rest, owner: ownerRef, readable, onlyKeys }),
      overview
        .scopeKeys({ owner: ownerRef, readable })
        .then(entityKeys => hotfixes.counts({ entityKeys })),
    ]);
    res.json({ ...page, totals: { ...page.totals, hotfixes: hotfixCounts } });
  });

  router.post('/observations', async (req, res) => {
    // Agents and CI only: users may not claim what production looks like.
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    const event = await auditor.createEvent({
      eventId: 'observation-push',
      severityLevel: 'medium',
      request: req,
      meta: {
        entityRef: req.body.entityRef,
        pushedBy: credentials.principal.subject,
        source: req.body.source,
        objects: req.body.objects?.length ?? 0,
        terraformPlan: Boolean(req.body.terraformPlan),
        migrations: Boolean(req.body.migrations),
      },
    });
    try {
      const status = await observations.push(req.body, credentials);
      await event.success({ meta: { status: status.drift.status } });
      res.status(202).json(status);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  registerHotfixAuditRoutes(router, { httpAuth, db, readableEntities });
  registerHotfixRoutes(router, {
    httpAuth,
    auditor,
    hotfixes,
    logger,
    ownedKeys: ownerRef => overview.ownedKeys(ownerRef),
    backports: options.backports,
    recompute: (entityRef, credentials) =>
      entityStatus.recompute(entityRef, credentials),
  });

  // A database that went away is a 503 the caller may retry, not a 500.
  const databaseUnavailable: ErrorRequestHandler = (error, req, _res, next) => {
    if (isDatabaseUnavailable(error)) {
      logger.warn(
        `${req.method} ${req.path} failed, the database is unavailable: ${
          (error as Error)?.message
        }`,
      );
    }
    next(asServiceUnavailable(error));
  };
  router.use(databaseUnavailable);

  return router;
}
