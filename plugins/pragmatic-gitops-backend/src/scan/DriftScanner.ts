import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_TRACK } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import pLimit from 'p-limit';
import { isDatabaseUnavailable } from '../database/databaseUnavailable';
import { ObservationDirectory } from '../observations/ObservationDirectory';
import { EntityScanner } from './EntityScanner';

export type ScanSummary = {
  scanned: number;
  failed: number;
  durationMs: number;
  /** Set when the scan did not run, or stopped: the database was away. */
  skipped?: string;
};

/**
 * Scans every tracked entity of the catalog with bounded concurrency. One
 * entity failing (or a slow provider) never stops the others.
 */
export class DriftScanner {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      scanner: EntityScanner;
      logger: LoggerService;
      observationDirectory?: ObservationDirectory;
      concurrency: number;
      /** Throws when the database cannot be used (e.g. `select 1`). */
      checkDatabase?: () => Promise<unknown>;
    },
  ) {}

  async scanAll(): Promise<ScanSummary> {
    const { catalog, auth, logger, observationDirectory } = this.options;
    const started = Date.now();
    this.databaseDown = undefined;
    try {
      await this.options.checkDatabase?.();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      return this.skip(started, (error as Error).message, 'skipped');
    }
    await observationDirectory?.load();
    await this.options.scanner.startScan();

    const limit = pLimit(this.options.concurrency);
    const credentials = await auth.getOwnServiceCredentials();
    let scanned = 0;
    let failed = 0;
    for await (const page of catalog.streamEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_TRACK}`]: CATALOG_FILTER_EXISTS,
        },
      },
      { credentials },
    )) {
      const results = await Promise.all(
        page.map(entity => limit(() => this.scanOne(entity))),
      );
      scanned += results.filter(Boolean).length;
      failed += results.filter(ok => !ok).length;
    }
    if (this.databaseDown) {
      return this.skip(started, this.databaseDown, 'stopped', scanned);
    }
    const summary = { scanned, failed, durationMs: Date.now() - started };
    logger.info(
      `Drift scan: ${scanned} entities scanned, ${failed} failed, in ${summary.durationMs} ms`,
    );
    return summary;
  }

  /** Why the database failed during this scan; later entities are left alone. */
  private databaseDown?: string;

  private skip(
    started: number,
    reason: string,
    how: 'skipped' | 'stopped',
    scanned = 0,
  ): ScanSummary {
    const skipped = `the database is unavailable (${reason})`;
    this.options.logger.warn(
      `Drift scan ${how}: ${skipped}; the next scheduled scan tries again`,
    );
    return { scanned, failed: 0, durationMs: Date.now() - started, skipped };
  }

  private async scanOne(entity: Entity): Promise<boolean> {
    if (this.databaseDown) return false;
    try {
      await this.options.scanner.scan(entity);
      return true;
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        this.databaseDown ??= (error as Error).message;
        return false;
      }
      this.options.logger.error(
        `Drift scan of ${stringifyEntityRef(entity)} failed: ${
          (error as Error).message
        }`,
      );
      return false;
    }
  }
}
