import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_TRACK } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import pLimit from 'p-limit';
import { isDatabaseUnavailable } from '../database/databaseUnavailable';
import { EntityStatusRecord } from '../database/EntityStatusStore';
import { ObservationDirectory } from '../observations/ObservationDirectory';
import { BatchWriter } from './BatchWriter';
import { EntityScanner } from './EntityScanner';
import { readAhead } from './readAhead';
import { StatusDetail } from './types';

/**
 * Large enough that a commit (an fsync on SQLite) is paid once per hundred
 * entities, small enough that a transaction holds the database briefly.
 */
const DEFAULT_BATCH_SIZE = 100;

export type ScanSummary = {
  scanned: number;
  failed: number;
  durationMs: number;
  /** Set when the scan did not run, or stopped: the database was away. */
  skipped?: string;
};

/**
 * Scans every tracked entity of the catalog with bounded concurrency. One
 * entity failing (or a slow provider) never stops the others. Results are
 * stored in batches as they come (a slow entity holds back no batch).
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
      /** Entities stored per transaction; default 100. */
      batchSize?: number;
      /** Throws when the database cannot be used (e.g. `select 1`). */
      checkDatabase?: () => Promise<unknown>;
    },
  ) {}

  /**
   * `signal`: the scheduler's, aborted when the scan runs past its timeout.
   * Another replica may then claim the next run, so no entity is started
   * after it; what was computed is still stored.
   */
  async scanAll(signal?: AbortSignal): Promise<ScanSummary> {
    const { catalog, auth, logger, observationDirectory } = this.options;
    const started = Date.now();
    this.databaseDown = undefined;
    try {
      await this.options.checkDatabase?.();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      return this.skip(started, unavailable(error), 'skipped');
    }
    await observationDirectory?.load();
    await this.options.scanner.startScan();

    const limit = pLimit(this.options.concurrency);
    const credentials = await auth.getOwnServiceCredentials();
    const tally = { scanned: 0, failed: 0 };
    const writer = new BatchWriter<EntityStatusRecord<StatusDetail>>(
      this.options.batchSize ?? DEFAULT_BATCH_SIZE,
      async records => {
        const stored = await this.storeBatch(records);
        tally.scanned += stored;
        tally.failed += records.length - stored;
      },
    );
    const pages = catalog.streamEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_TRACK}`]: CATALOG_FILTER_EXISTS,
        },
      },
      { credentials },
    );
    for await (const page of readAhead(pages)) {
      if (signal?.aborted) break;
      const inputsReadAt = new Date();
      const pageScanner = await this.prefetch(page);
      await Promise.all(
        page.map(entity =>
          limit(async () => {
            if (signal?.aborted) return;
            const record = await this.computeOne(pageScanner, entity);
            if (record) await writer.add({ ...record, inputsReadAt });
            else tally.failed++;
          }),
        ),
      );
    }
    await writer.flush();
    const { scanned, failed } = tally;
    if (this.databaseDown) {
      return this.skip(started, this.databaseDown, 'stopped', scanned);
    }
    if (signal?.aborted) {
      const why =
        'it ran past scan.timeout; the entities not reached keep their last status';
      return this.skip(started, why, 'stopped', scanned, failed);
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
    skipped: string,
    how: 'skipped' | 'stopped',
    scanned = 0,
    failed = 0,
  ): ScanSummary {
    this.options.logger.warn(
      `Drift scan ${how}: ${skipped}; the next scheduled scan tries again`,
    );
    return { scanned, failed, durationMs: Date.now() - started, skipped };
  }

  /**
   * What a page of entities needs, read in one go where the scanner's
   * dependencies can; should that fail, each entity reads its own.
   */
  private async prefetch(page: Entity[]): Promise<EntityScanner> {
    const { scanner, logger } = this.options;
    if (this.databaseDown) return scanner;
    try {
      return await scanner.prefetch(page);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        this.databaseDown ??= unavailable(error);
      } else {
        logger.warn(
          `Drift scan: reading ${
            page.length
          } entities at once failed, reading one by one: ${
            (error as Error).message
          }`,
        );
      }
      return scanner;
    }
  }

  /** The record to store, or undefined when the computation failed (logged). */
  private async computeOne(
    scanner: EntityScanner,
    entity: Entity,
  ): Promise<EntityStatusRecord<StatusDetail> | undefined> {
    if (this.databaseDown) return undefined;
    try {
      return await scanner.compute(entity);
    } catch (error) {
      this.failedOne(stringifyEntityRef(entity), error);
      return undefined;
    }
  }

  /**
   * Stores computed records in one transaction; returns how many were
   * stored. Should the batch fail for another reason than the database
   * going away, each is stored on its own, so one bad record fails alone.
   */
  private async storeBatch(
    records: EntityStatusRecord<StatusDetail>[],
  ): Promise<number> {
    // Computed before any outage was seen: worth one try even then.
    if (records.length === 0) return 0;
    try {
      await this.options.scanner.storeAll(records);
      return records.length;
    } catch (error) {
      if (isDatabaseUnavailable(error) || records.length === 1) {
        this.failedOne(records[0].entityRef, error);
        return 0;
      }
    }
    let stored = 0;
    for (const record of records) {
      if (this.databaseDown) break;
      stored += await this.storeBatch([record]);
    }
    return stored;
  }

  private failedOne(entityRef: string, error: unknown) {
    if (isDatabaseUnavailable(error)) {
      this.databaseDown ??= unavailable(error);
      return;
    }
    this.options.logger.error(
      `Drift scan of ${entityRef} failed: ${(error as Error).message}`,
    );
  }
}

function unavailable(error: unknown): string {
  return `the database is unavailable (${(error as Error).message})`;
}
