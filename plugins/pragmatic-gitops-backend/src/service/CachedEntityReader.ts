import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BatchedEntityReader, fullRef } from './BatchedEntityReader';
import { PrincipalCache } from './PrincipalCache';

/**
 * Reads entities from the catalog with the caller's own credentials (so
 * `catalog.entity.read` decides) and reuses an entity the catalog returned
 * to a principal for that principal alone, for `ttlMs`
 * (`pragmaticGitops.catalogReadCache.ttl`), as Backstage's TechDocs backend
 * does with its entity loader. Only entities found are kept: a missing or
 * withheld entity is asked for again every time, so a denied caller always
 * gets the catalog's own answer. An entity deleted, or a read permission
 * revoked, shows within the TTL. Cached entities are shared: read-only.
 */
export class CachedEntityReader {
  private readonly reader: BatchedEntityReader;
  private readonly cache: PrincipalCache<Entity | undefined>;

  constructor(
    catalog: CatalogService,
    options: { ttlMs: number; now?: () => number },
  ) {
    this.reader = new BatchedEntityReader(catalog);
    this.cache = new PrincipalCache({
      ...options,
      keep: entity => entity !== undefined,
    });
  }

  /** Always asks the catalog, for reads that act on the entity. */
  getFreshEntityByRef(
    ref: CompoundEntityRef | string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    return this.reader.getEntityByRef(ref, credentials);
  }

  getEntityByRef(
    ref: CompoundEntityRef | string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    const entityRef = fullRef(ref);
    if (!entityRef) {
      return this.reader.getEntityByRef(ref, credentials);
    }
    return this.cache.get(credentials, entityRef, () =>
      this.reader.getEntityByRef(entityRef, credentials),
    );
  }
}
