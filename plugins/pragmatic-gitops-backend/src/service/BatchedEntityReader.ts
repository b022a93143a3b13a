import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { principalKey } from './principalKey';

const MAX_BATCH = 100;

type Waiter = {
  resolve: (entity: Entity | undefined) => void;
  reject: (error: unknown) => void;
};

type Batch = {
  credentials: BackstageCredentials;
  waiters: Map<string, Waiter[]>;
};

/** The canonical form of a ref, or `undefined` when it is not one. */
export function fullRef(ref: CompoundEntityRef | string): string | undefined {
  try {
    return stringifyEntityRef(
      typeof ref === 'string' ? parseEntityRef(ref) : ref,
    );
  } catch {
    return undefined;
  }
}

/**
 * Reads entities from the catalog with the caller's own credentials, so
 * `catalog.entity.read` decides as always, but concurrent reads by one
 * principal share catalog requests: while one request of that principal is
 * in flight, the refs asked meanwhile wait and go together as one by-refs
 * request when it returns. An idle caller waits for nothing; under load the
 * catalog answers a few requests instead of one per read.
 */
export class BatchedEntityReader {
  private readonly inFlight = new Set<string>();
  private readonly queued = new Map<string, Batch>();

  constructor(private readonly catalog: CatalogService) {}

  getEntityByRef(
    ref: CompoundEntityRef | string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    const entityRef = fullRef(ref);
    if (!entityRef) {
      return this.catalog.getEntityByRef(ref, { credentials });
    }
    const key = principalKey(credentials);
    return new Promise((resolve, reject) => {
      let batch = this.queued.get(key);
      if (!batch) {
        batch = { credentials, waiters: new Map() };
        this.queued.set(key, batch);
      }
      const waiters = batch.waiters.get(entityRef) ?? [];
      waiters.push({ resolve, reject });
      batch.waiters.set(entityRef, waiters);
      if (!this.inFlight.has(key)) {
        this.send(key);
      }
    });
  }

  private send(key: string): void {
    const batch = this.queued.get(key);
    if (!batch) return;
    const refs = [...batch.waiters.keys()].slice(0, MAX_BATCH);
    const sending = new Map(refs.map(ref => [ref, batch.waiters.get(ref)!]));
    for (const ref of refs) batch.waiters.delete(ref);
    if (batch.waiters.size === 0) this.queued.delete(key);
    this.inFlight.add(key);
    this.catalog
      .getEntitiesByRefs(
        { entityRefs: refs },
        { credentials: batch.credentials },
      )
      .then(
        ({ items }) =>
          refs.forEach((ref, i) =>
            sending.get(ref)!.forEach(w => w.resolve(items[i] ?? undefined)),
          ),
        error =>
          sending.forEach(waiters => waiters.forEach(w => w.reject(error))),
      )
      .finally(() => {
        this.inFlight.delete(key);
        this.send(key);
      });
  }
}
