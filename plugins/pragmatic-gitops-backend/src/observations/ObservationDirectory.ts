import { LoggerService } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { ObservationStore } from './ObservationStore';
import {
  parseObservationEntityRef,
  parseObservedAt,
  validateObservation,
} from './validateObservation';

/**
 * Observation files for air-gapped sites and the demo: the same documents as
 * the push API (`*.json`, `*.yaml`), loaded at start-up and on every scan.
 * A bad file is logged naming the file and skipped; the others still load.
 */
export class ObservationDirectory {
  constructor(
    private readonly directory: string,
    private readonly store: ObservationStore,
    private readonly logger: LoggerService,
  ) {}

  async load(): Promise<{ loaded: number; failed: number }> {
    let names: string[];
    try {
      names = (await fs.readdir(this.directory))
        .filter(name => /\.(json|ya?ml)$/i.test(name))
        .sort();
    } catch (error) {
      this.logger.warn(
        `Observation directory ${this.directory} cannot be read: ${
          (error as NodeJS.ErrnoException).code ?? (error as Error).message
        }`,
      );
      return { loaded: 0, failed: 0 };
    }
    let loaded = 0;
    let failed = 0;
    for (const name of names) {
      try {
        const text = await fs.readFile(path.join(this.directory, name), 'utf8');
        const observation = validateObservation(parse(text), name);
        const { entityRef, observedAt, ...state } = observation;
        await this.store.put({
          ...state,
          entityRef: parseObservationEntityRef(entityRef),
          observedAt: parseObservedAt(observedAt, new Date()),
        });
        loaded += 1;
      } catch (error) {
        failed += 1;
        this.logger.warn(
          `Skipped observation file ${name}: ${
            (error as Error).message.split('\n')[0]
          }`,
        );
      }
    }
    return { loaded, failed };
  }
}
