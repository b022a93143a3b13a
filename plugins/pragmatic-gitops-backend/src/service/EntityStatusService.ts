import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityGitopsDetails,
  Hotfix,
  StatusTransition,
  pragmaticGitopsRefreshPermission,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  EntityStatusStore,
  StoredEntityStatus,
} from '../database/EntityStatusStore';
import { EntityScanner } from '../scan/EntityScanner';
import { StatusDetail } from '../scan/types';
import { annotationFindings, readTrack } from './annotationFindings';
import { CachedEntityReader } from './CachedEntityReader';
import { withoutLedgerDetail } from './hotfixResponse';
import { toApiStatus, toApiTransition } from './toApiStatus';

/**
 * Answers "what is the GitOps status of this entity" for callers. Entities
 * are read from the catalog with the caller's own credentials, so catalog
 * read permissions decide who sees what.
 */
export class EntityStatusService {
  private readonly entities: CachedEntityReader;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      store: EntityStatusStore;
      scanner: EntityScanner;
      permissions: PermissionsService;
      hotfixes: { openHotfixes(entityRef: string): Promise<Hotfix[]> };
      /** How long a principal's catalog read is reused by page reads; 0: never. */
      catalogReadTtlMs?: number;
      now?: () => number;
    },
  ) {
    this.entities = new CachedEntityReader(options.catalog, {
      ttlMs: options.catalogReadTtlMs ?? 0,
      now: options.now,
    });
  }

  /**
   * The entity as the catalog shows it to the caller, or a 404. Reads that
   * act on it (`fresh`: refresh, recompute) always ask the catalog; page
   * reads may reuse the caller's own recent answer.
   */
  async getEntity(
    ref: CompoundEntityRef | string,
    credentials: BackstageCredentials,
    options: { fresh: boolean } = { fresh: true },
  ): Promise<Entity> {
    const entity = options.fresh
      ? await this.entities.getFreshEntityByRef(ref, credentials)
      : await this.entities.getEntityByRef(ref, credentials);
    if (!entity) {
      const name = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
      throw new NotFoundError(
        `No entity ${name} in the catalog (or you may not read it)`,
      );
    }
    return entity;
  }

  async getEntityStatus(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityGitopsDetails> {
    // The catalog decides whether the caller may read the entity; the stored
    // status is read meanwhile and dropped unseen when the catalog says no.
    const key = stringifyEntityRef(ref);
    const [entity, stored, hotfixes] = await Promise.all([
      this.getEntity(ref, credentials, { fresh: false }),
      this.options.store.get<StatusDetail>(key),
      this.options.hotfixes.openHotfixes(key),
    ]);
    return this.statusOf(entity, { rescan: false, stored, hotfixes });
  }

  /** Recomputes now; needs the refresh permission on the entity. */
  async refresh(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<EntityGitopsDetails> {
    const entity = await this.getEntity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const [decision] = await this.options.permissions.authorize(
      [
        {
          permission: pragmaticGitopsRefreshPermission,
          resourceRef: entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not refresh ${entityRef}`);
    }
    return this.statusOf(entity, { rescan: true });
  }

  /** Computes the entity again after a change in the ledger (a hotfix recorded). */
  async recompute(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityGitopsDetails> {
    const entity = await this.getEntity(entityRef, credentials);
    return this.statusOf(entity, { rescan: true });
  }

  async history(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<{ entityRef: string; transitions: StatusTransition[] }> {
    const entity = await this.getEntity(ref, credentials, { fresh: false });
    const entityRef = stringifyEntityRef(entity);
    const transitions = await this.options.store.history(entityRef);
    return { entityRef, transitions: transitions.map(toApiTransition) };
  }

  /**
   * Stored summaries answer reads; an entity never scanned (or whose track
   * changed since) is scanned on the spot so its page never shows a stale guess.
   */
  async statusOf(
    entity: Entity,
    options: {
      rescan: boolean;
      /** Already read for this entity: its stored status and open hotfixes. */
      stored?: StoredEntityStatus<StatusDetail>;
      hotfixes?: Hotfix[];
    },
  ): Promise<EntityGitopsDetails> {
    const entityRef = stringifyEntityRef(entity);
    const findings = annotationFindings(entity);
    const reading = readTrack(entity);
    if (reading.track === null && !reading.tracked) {
      return {
        entityRef,
        track: null,
        drift: {
          status: 'not-tracked',
          reason: 'The entity has no pragmatic-gitops.io/track annotation',
        },
        findings,
      };
    }
    let stored = options.rescan
      ? undefined
      : options.stored ??
        (await this.options.store.get<StatusDetail>(entityRef));
    let hotfixes = options.rescan ? undefined : options.hotfixes;
    if (!stored || stored.track !== reading.track) {
      const scanned = await this.options.scanner.scan(entity);
      stored = scanned;
      // Those the ledger saw, unless the scan moved hotfixes on.
      hotfixes = scanned.openHotfixes;
    }
    return {
      ...toApiStatus(entityRef, stored, findings),
      hotfixes: (
        hotfixes ?? (await this.options.hotfixes.openHotfixes(entityRef))
      ).map(withoutLedgerDetail),
    };
  }
}
