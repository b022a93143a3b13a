import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_TRACK } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import pLimit from 'p-limit';
import { ObservationDirectory } from '../observations/ObservationDirectory';
import { EntityScanner } from './EntityScanner';

export type ScanSummary = {
  scanned: number;
  failed: number;
  durationMs: number;
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
    },
  ) {}

  async scanAll(): Promise<ScanSummary> {
    const { catalog, auth, logger, observationDirectory } = this.options;
    const started = Date.now();
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
    const summary = { scanned, failed, durationMs: Date.now() - started };
    logger.info(
      `Drift scan: ${scanned} entities scanned, ${failed} failed, in ${summary.durationMs} ms`,
    );
    return summary;
  }

  private async scanOne(entity: Entity): Promise<boolean> {
    try {
      await this.options.scanner.scan(entity);
      return true;
    } catch (error) {
      this.options.logger.error(
        `Drift scan of ${stringifyEntityRef(entity)} failed: ${
          (error as Error).message
        }`,
      );
      return false;
    }
  }
}
