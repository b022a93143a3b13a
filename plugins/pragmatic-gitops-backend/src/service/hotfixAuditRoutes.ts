import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { HotfixExportStore } from '../ledger/HotfixExportStore';
import { HotfixMetricsStore } from '../ledger/HotfixMetricsStore';
import { requireOwnerRef } from '../scan/ownerOf';
import { streamHotfixExport } from './hotfixExport';
import { HotfixRouter } from './hotfixRoutes';
import { ReadableEntities } from './ReadableEntities';

/** The window of the fleet page's ledger metrics. */
export const METRICS_WINDOW_DAYS = 30;

export type HotfixAuditRoutesOptions = {
  httpAuth: HttpAuthService;
  db: Knex;
  readableEntities: ReadableEntities;
  now?: () => Date;
};

/** An ISO 8601 date or date-time query parameter; a 400 naming it otherwise. */
function dateParam(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  if (!parsed.isValid) {
    throw new InputError(
      `${field} must be an ISO 8601 date or date-time, e.g. 2026-01-01 or 2026-01-01T00:00:00Z`,
    );
  }
  return parsed.toJSDate();
}

/**
 * The ledger as an audit trail: metrics for the fleet page and the export
 * for auditors. Both read only hotfixes of entities the caller may read in
 * the catalog, filtered in the database query. Registered before the
 * `/hotfixes/{id}` routes so their paths are not taken for ids.
 */
export function registerHotfixAuditRoutes(
  router: HotfixRouter,
  options: HotfixAuditRoutesOptions,
): void {
  const { httpAuth, db, readableEntities } = options;
  const now = options.now ?? (() => new Date());
  const metrics = new HotfixMetricsStore(db);
  const exports = new HotfixExportStore(db);

  router.get('/hotfixes/metrics', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { owner } = req.query;
    const ownerRef = owner === undefined ? undefined : requireOwnerRef(owner);
    const to = now();
    const from = DateTime.fromJSDate(to)
      .minus({ days: METRICS_WINDOW_DAYS })
      .toJSDate();
    const readable = await readableEntities.keysFor(credentials);
    res.json({
      ...(await metrics.metrics({ from, to, owner: ownerRef, readable })),
      windowDays: METRICS_WINDOW_DAYS,
    });
  });

  router.get('/hotfixes/export', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const from = dateParam(req.query.from, 'from');
    const to = dateParam(req.query.to, 'to');
    if (from && to && from.getTime() >= to.getTime()) {
      throw new InputError('from must be before to');
    }
    const format = req.query.format ?? 'json';
    const { owner } = req.query;
    const ownerRef = owner === undefined ? undefined : requireOwnerRef(owner);
    const readable = await readableEntities.keysFor(credentials);
    const stamp = (to ?? now()).toISOString().slice(0, 10);
    try {
      await streamHotfixExport(
        res,
        exports.pages({ from, to, readable, owner: ownerRef }),
        format,
        `hotfixes-${stamp}`,
      );
    } catch (error) {
      // Headers are gone once the first page is out: cut the response so a
      // truncated file never looks complete.
      if (!res.headersSent) throw error;
      res.destroy(error as Error);
    }
  });
}
