/**
 * The hotfix ledger as an audit trail: metrics of the fleet page and the
 * export's shape, as the pragmatic-gitops backend sends them.
 */

/**
 * Response of `GET /hotfixes/metrics`: the last `windowDays` days of the
 * ledger, of the entities the caller may read (and of one owner, if asked).
 *
 * @public
 */
export type HotfixMetrics = {
  /** Start and end of the window, ISO 8601. */
  from: string;
  to: string;
  windowDays: number;
  /** Recorded → back-ported, of the hotfixes back-ported in the window. */
  leadTime: {
    backported: number;
    /** Nearest-rank percentiles in seconds; absent when nothing was back-ported. */
    p50Seconds?: number;
    p90Seconds?: number;
  };
  /** Hotfixes the controller reverted in the window. */
  reverted: number;
  /** Hotfixes recorded in the window per owner of their entity, most first; no owner when unknown. */
  byOwner: Array<{ owner?: string; hotfixes: number }>;
};

/** Formats of `GET /hotfixes/export`. @public */
export type HotfixExportFormat = 'csv' | 'json';
