import {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  formatHotfixId,
  isHotfixId,
  pragmaticGitopsHotfixCreatePermission,
  pragmaticGitopsHotfixUpdatePermission,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { Knex } from 'knex';
import { Duration } from 'luxon';
import { entityKey } from '../database/EntityStatusStore';
import { overdueCutoff, readBackportSla } from './backportSla';
import { EntityAccess } from './EntityAccess';
import { parseHotfixId } from './hotfixId';
import { HotfixRecords } from './HotfixRecords';
import { HotfixStore, InsertOutcome, NewEvent } from './HotfixStore';
import { OverdueNotifier } from './OverdueNotifier';
import { toApiHotfix } from './toApiHotfix';
import {
  HotfixListener,
  HotfixListFilter,
  HotfixRecord,
  HotfixRecordWithEvents,
  HotfixStatus,
  HotfixWithEvents,
  LifecycleEvent,
  NewHotfixRequest,
  StoredHotfix,
} from './types';
import {
  MAX_REASON_LENGTH,
  requireDate,
  requireEntityRef,
  requireHttpUrl,
  requireText,
  validateHotfixInput,
} from './validateHotfixInput';

export type HotfixServiceOptions = {
  db: Knex;
  catalog: CatalogService;
  permissions: PermissionsService;
  logger: LoggerService;
  /** Without it, overdue hotfixes are only logged. */
  notifications?: NotificationService;
  /** Default 3 days. */
  backportSla?: Duration;
  /** Told after each hotfix write, e.g. to refresh open entity pages. */
  listener?: HotfixListener;
  now?: () => Date;
};

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/** Open hotfixes one entity may have: each is matched on every scan of it. */
export const MAX_OPEN_HOTFIXES_PER_ENTITY = 100;

/**
 * The hotfix ledger: records hotfixes applied outside Git, moves them through
 * pending-backport → backported | reverted | abandoned by appending events,
 * and tells owners about overdue back-ports. Nothing is updated or deleted.
 */
export class HotfixService {
  private readonly store: HotfixStore;
  private readonly access: EntityAccess;
  private readonly notifier: OverdueNotifier;
  private readonly records: HotfixRecords;
  private readonly sla: Duration;
  private readonly now: () => Date;
  private readonly listener?: HotfixListener;

  static fromConfig(
    config: Config,
    options: Omit<HotfixServiceOptions, 'backportSla'>,
  ): HotfixService {
    return new HotfixService({
      ...options,
      backportSla: readBackportSla(config),
    });
  }

  constructor(options: HotfixServiceOptions) {
    this.store = new HotfixStore(options.db);
    this.access = new EntityAccess(options.catalog, options.permissions);
    this.sla = options.backportSla ?? Duration.fromObject({ days: 3 });
    this.now = options.now ?? (() => new Date());
    this.listener = options.listener;
    this.records = new HotfixRecords(this.store, this.sla);
    this.notifier = new OverdueNotifier({
      store: this.store,
      backportSla: this.sla,
      logger: options.logger,
      notifications: options.notifications,
      now: this.now,
    });
  }

  /** Records a hotfix; `created` is false when an idempotent retry returned the first record. */
  async create(
    body: NewHotfixRequest,
    options: { credentials: UserCredentials; idempotencyKey?: string },
  ): Promise<{ hotfix: HotfixRecord; created: boolean }> {
    const { credentials, idempotencyKey } = options;
    const now = this.now();
    const input = validateHotfixInput(body, now);
    const entity = await this.access.readable(input.entityRef, credentials);
    await this.access.authorize(
      pragmaticGitopsHotfixCreatePermission,
      entity,
      credentials,
      'record a hotfix',
    );
    const key = entityKey(stringifyEntityRef(entity));
    // Counted and inserted under the entity's lock, so concurrent creates on
    // any replica cannot overshoot the cap.
    const result = await this.store.insert(
      {
        ...input,
        entityRef: key,
        appliedBy: credentials.principal.userEntityRef,
        recordedAt: now,
        idempotencyKey,
      },
      { maxOpen: MAX_OPEN_HOTFIXES_PER_ENTITY },
    );
    return this.stored(result, input.entityRef, now);
  }

  /**
   * Records a hotfix for trusted in-process callers that carry their own
   * provenance (the demo timeline): no HTTP request, so no credentials. The
   * HTTP API never reaches this; it always takes the identity from credentials.
   */
  async recordTrusted(
    body: NewHotfixRequest,
    options: { appliedBy: string; idempotencyKey: string },
  ): Promise<{ hotfix: HotfixRecord; created: boolean }> {
    const now = this.now();
    const input = validateHotfixInput(body, now);
    const result = await this.store.insert({
      ...input,
      entityRef: entityKey(input.entityRef),
      appliedBy: options.appliedBy,
      recordedAt: input.appliedAt,
      idempotencyKey: options.idempotencyKey,
    });
    return this.stored(result, input.entityRef, now);
  }

  /** Newest first; only hotfixes of entities the caller may read. */
  async list(
    filter: HotfixListFilter,
    credentials: BackstageCredentials,
  ): Promise<{ items: HotfixRecord[]; totalItems: number }> {
    const now = this.now();
    const entityRef = filter.entityRef
      ? entityKey(requireEntityRef(filter.entityRef, 'entityRef'))
      : undefined;
    if (
      filter.overdue &&
      (filter.status ?? 'pending-backport') !== 'pending-backport'
    ) {
      return { items: [], totalItems: 0 };
    }
    // Only a reverted hotfix can be acknowledged.
    const reverted = filter.acknowledged !== undefined;
    if (reverted && (filter.status ?? 'reverted') !== 'reverted') {
      return { items: [], totalItems: 0 };
    }
    let stored = await this.store.list({
      entityRef,
      status: filter.overdue ? 'pending-backport' : filter.status,
      ...(reverted ? { status: 'reverted' as const } : {}),
      ...(filter.acknowledged === true ? { withEvent: 'acknowledged' } : {}),
      ...(filter.acknowledged === false
        ? { withoutEvent: 'acknowledged' }
        : {}),
    });
    if (filter.entityKeys) {
      const keep = filter.entityKeys;
      stored = stored.filter(hotfix => keep.has(hotfix.entityRef));
    }
    const readable = await this.access.readableKeys(
      stored.map(hotfix => hotfix.entityRef),
      credentials,
    );
    return this.records.page(
      stored.filter(hotfix => readable.has(hotfix.entityRef)),
      filter,
      now,
    );
  }

  /** One hotfix with its events; 404 when unknown or its entity is not readable. */
  async get(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<HotfixRecordWithEvents> {
    const stored = await this.load(id);
    await this.readableEntity(stored, credentials);
    return this.records.withEventsOf(stored, this.now());
  }

  /** Marks a pending hotfix back-ported by hand, pointing at the commit or PR. */
  async backport(
    id: string,
    body: { url: string },
    credentials: UserCredentials,
  ): Promise<HotfixRecordWithEvents> {
    const url = requireHttpUrl(body.url, 'url');
    return this.transition(id, credentials, 'backported', { url });
  }

  async abandon(
    id: string,
    body: { reason: string },
    credentials: UserCredentials,
  ): Promise<HotfixRecordWithEvents> {
    const reason = requireText(body.reason, 'reason', MAX_REASON_LENGTH);
    return this.transition(id, credentials, 'abandoned', { reason });
  }

  /**
   * Acknowledges the alarm of a reverted hotfix: someone has seen that the
   * controller undid the fix and takes the next step. The status stays
   * reverted; the event records who and when. Acknowledging twice returns
   * the first acknowledgement; any other status is a 409.
   */
  async acknowledge(
    id: string,
    body: { note?: string },
    credentials: UserCredentials,
  ): Promise<HotfixRecordWithEvents> {
    const note =
      body.note === undefined
        ? undefined
        : requireText(body.note, 'note', MAX_REASON_LENGTH);
    const stored = await this.load(id);
    const entity = await this.readableEntity(stored, credentials);
    await this.access.authorize(
      pragmaticGitopsHotfixUpdatePermission,
      entity,
      credentials,
      `acknowledge the revert of hotfix ${id}`,
    );
    if (stored.status !== 'reverted') {
      throw new ConflictError(
        `Hotfix ${id} is ${stored.status}; only a reverted hotfix's alarm can be acknowledged`,
      );
    }
    const result = await this.store.append(
      stored.seq,
      {
        type: 'acknowledged',
        actor: credentials.principal.userEntityRef,
        at: this.now(),
        ...(note ? { detail: { reason: note } } : {}),
      },
      { onlyIfPending: false },
    );
    if (result.outcome === 'not-found') {
      throw new NotFoundError(`No hotfix ${id}`);
    }
    return this.records.withEventsOf(
      (await this.store.get(stored.seq))!,
      this.now(),
    );
  }

  /** The entity of a hotfix, for audit records; undefined when unknown. */
  async entityRefOf(id: string): Promise<string | undefined> {
    if (!isHotfixId(id)) return undefined;
    return (await this.store.get(parseHotfixId(id)))?.entityRef;
  }

  /** Pending-backport hotfixes of an entity with their events, newest first. */
  async openHotfixes(entityRef: string): Promise<HotfixWithEvents[]> {
    const now = this.now();
    const stored = await this.store.list({
      entityRef: entityKey(entityRef),
      status: 'pending-backport',
    });
    const records = await this.records.withEvents(stored, now);
    return records.map(record => toApiHotfix(record) as HotfixWithEvents);
  }

  /**
   * For the lifecycle code: appends baseline, drift-observed, backported or reverted.
   * Idempotent: applies only while the hotfix is pending-backport, and each
   * type at most once. `applied` says whether this call changed anything.
   */
  async appendLifecycleEvent(
    id: string | number,
    event: LifecycleEvent,
  ): Promise<{ applied: boolean; status: HotfixStatus }> {
    const seq = parseHotfixId(id);
    const result = await this.store.append(
      seq,
      {
        type: event.type,
        status:
          event.type === 'baseline' || event.type === 'drift-observed'
            ? undefined
            : event.type,
        actor: event.actor,
        at: event.at === undefined ? this.now() : requireDate(event.at),
        detail: event.detail,
      },
      { onlyIfPending: true },
    );
    if (result.outcome === 'not-found') {
      throw new NotFoundError(`No hotfix ${formatHotfixId(seq)}`);
    }
    return { applied: result.outcome === 'appended', status: result.status };
  }

  /** Pending and overdue hotfixes, of every entity or of the given ones (lower-cased refs). */
  async counts(
    options: { entityKeys?: ReadonlySet<string> } = {},
  ): Promise<{ pending: number; overdue: number; reverted: number }> {
    return this.store.counts(
      overdueCutoff(this.now(), this.sla),
      options.entityKeys,
    );
  }

  /**
   * Lower-cased refs of the entities with a pending back-port, an overdue
   * one, or a reverted hotfix nobody acknowledged: the fleet table's
   * hotfix filters. Unfiltered by permission; the overview filters after.
   */
  async entityKeysWith(
    kind: 'pending' | 'overdue' | 'reverted',
    /** Only among these entities (a page of a fleet scan); absent: all. */
    among?: readonly string[],
  ): Promise<ReadonlySet<string>> {
    const entityRefs = among?.map(entityKey);
    const stored = await this.store.list({
      ...(entityRefs ? { entityRefs } : {}),
      ...(kind === 'reverted'
        ? { status: 'reverted', withoutEvent: 'acknowledged' }
        : {
            status: 'pending-backport',
            ...(kind === 'overdue'
              ? { appliedBefore: overdueCutoff(this.now(), this.sla) }
              : {}),
          }),
    });
    return new Set(stored.map(hotfix => hotfix.entityRef));
  }

  /** Notifies owners of overdue hotfixes, once per hotfix across replicas. */
  async notifyOverdue(): Promise<{ notified: string[] }> {
    return this.notifier.notifyOverdue();
  }

  private async transition(
    id: string,
    credentials: UserCredentials,
    status: 'backported' | 'abandoned',
    detail: Record<string, unknown>,
  ): Promise<HotfixRecordWithEvents> {
    const stored = await this.load(id);
    const entity = await this.readableEntity(stored, credentials);
    await this.access.authorize(
      pragmaticGitopsHotfixUpdatePermission,
      entity,
      credentials,
      `mark hotfix ${id} ${status}`,
    );
    const now = this.now();
    const event: NewEvent = {
      type: status,
      status,
      actor: credentials.principal.userEntityRef,
      at: now,
      detail,
    };
    const result = await this.store.append(stored.seq, event, {
      onlyIfPending: true,
    });
    if (result.outcome === 'not-found') {
      throw new NotFoundError(`No hotfix ${id}`);
    }
    if (result.outcome !== 'appended') {
      throw new ConflictError(
        `Hotfix ${id} is ${result.status}; only a pending-backport hotfix can be marked ${status}`,
      );
    }
    await this.listener?.hotfixChanged(stored.entityRef);
    return this.records.withEventsOf((await this.store.get(stored.seq))!, now);
  }

  /** The API's answer to an insert; refusal by the cap is a 400 naming entityRef. */
  private async stored(
    result: InsertOutcome,
    entityRef: string,
    now: Date,
  ): Promise<{ hotfix: HotfixRecord; created: boolean }> {
    if (result.outcome === 'capped') {
      throw new InputError(
        `entityRef ${entityRef} already has ${result.open} open hotfixes, the most one entity may have; back-port or abandon some first`,
      );
    }
    const created = result.outcome === 'created';
    if (created) await this.listener?.hotfixChanged(result.hotfix.entityRef);
    return { hotfix: this.records.toRecord(result.hotfix, now), created };
  }

  private async load(id: string): Promise<StoredHotfix> {
    const stored = await this.store.get(parseHotfixId(id));
    if (!stored) throw new NotFoundError(`No hotfix ${id}`);
    return stored;
  }

  /** Do not tell callers which entity an unreadable hotfix belongs to. */
  private async readableEntity(
    stored: StoredHotfix,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    return this.access.readable(
      stored.entityRef,
      credentials,
      `No hotfix ${formatHotfixId(stored.seq)}`,
    );
  }
}
