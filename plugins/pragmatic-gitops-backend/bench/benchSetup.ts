/*
 * What every benchmark shares: command-line figures, a quiet logger, the
 * synthetic fleet with its desired state, a desired-state reader and a
 * catalog that serve that fleet from memory, and percentiles.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DesiredStateReader } from '../src/desired/DesiredStateReader';
import { KubeObject } from '../src/engine/types';
import { desiredObjects, fleetEntity } from './syntheticFleet';

/** `--name value` from the command line, or `fallback`. */
export function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

/** Scan summaries and failures go to the console; per-entity info is noise here. */
export const benchLogger: LoggerService = {
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  child: () => benchLogger,
};

export type Fleet = {
  entities: Entity[];
  desiredByName: Map<string, KubeObject[]>;
};

/** `size` synthetic components of `resources` desired objects each. */
export function syntheticFleet(
  size: number,
  resources: number,
  entity: (index: number) => Entity = fleetEntity,
): Fleet {
  const entities = Array.from({ length: size }, (_, i) => entity(i));
  return {
    entities,
    desiredByName: new Map(
      entities.map(e => [
        e.metadata.name,
        desiredObjects(e.metadata.name, resources),
      ]),
    ),
  };
}

/**
 * Desired state as the Git reader would return it, without the disk: the
 * scan measures the engine, the providers, the ledger and the database.
 */
export function inMemoryDesiredReader(fleet: Fleet): DesiredStateReader {
  return {
    read: async (entity: Entity) => ({
      objects: fleet.desiredByName.get(entity.metadata.name)!,
      sopsFiles: [],
      findings: [],
      migrations: [],
      source: 'bench',
    }),
  } as unknown as DesiredStateReader;
}

/** A catalog that streams the fleet in pages of 500, as the scanner reads it. */
export function streamingCatalog(fleet: Fleet): CatalogService {
  return {
    async *streamEntities() {
      for (let i = 0; i < fleet.entities.length; i += 500)
        yield fleet.entities.slice(i, i + 500);
    },
  } as unknown as CatalogService;
}

/** The p-th percentile of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/** Milliseconds `fn` took, with its result. */
export async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}
