import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  LiveStateProvider,
  LiveStateResult,
  SecretResolver,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import {
  ANNOTATION_KUBERNETES_NAMESPACE,
  AnnotationError,
  Finding,
  Hotfix,
  IgnoreRule,
  Track,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  EntityStatusRecord,
  EntityStatusStore,
  StoredEntityStatus,
} from '../database/EntityStatusStore';
import {
  DesiredState,
  DesiredStateReader,
  DesiredStateUnavailableError,
} from '../desired/DesiredStateReader';
import { entityIgnoreRules } from '../desired/entityIgnoreRules';
import { isChangedByHand } from '../engine/changedByHand';
import { redactLiveState } from '../observations/redactSecrets';
import { SecretDigest } from '../observations/secretDigest';
import { readTrack } from '../service/annotationFindings';
import { extractSecretRefs, findSecretFindings } from '../secrets';
import { MergeOutcome, mergeLiveState, sourceOf } from './mergeLiveState';
import { LastDrift } from './LastDrift';
import { ownerOf } from './ownerOf';
import { hasPendingChanges, withPlanSource } from './pendingChanges';
import { earliest, latest } from './statusDates';
import { RedactedObjects } from './RedactedObjects';
import { statefulInDeclarativeFindings } from './statefulFindings';
import {
  EntityStatusListener,
  LedgerReconciler,
  StatusDetail,
  isPrefetching,
} from './types';

export type EngineSettings = {
  /** Per-kind defaults from `pragmaticGitops.ignoreDifferences`. */
  ignoreDefaults: IgnoreRule[];
  gitopsFieldManagers: string[];
};

type Outcome = Pick<
  EntityStatusRecord<StatusDetail>,
  'status' | 'reason' | 'detail' | 'changedAt'
> & { openHotfixes?: Hotfix[] };

/** A stored status, with the open hotfixes it was computed with when known. */
export type ScannedEntityStatus = StoredEntityStatus<StatusDetail> & {
  openHotfixes?: Hotfix[];
};

/** What one computation reuses from the last, shared by the page scanners of a fleet scan. */
type Reuse = { redacted: RedactedObjects; lastDrift: LastDrift };

const NO_LIVE_STATE =
  'No live state observed yet: push an observation to /api/pragmatic-gitops/observations, add a file to the observation directory, or name an Argo CD application with argocd/app-name';

/**
 * Computes and stores the status of one entity: reads desired state from Git,
 * asks every live-state provider and merges what they observed, runs the
 * drift engine and records the result (and a transition when the status
 * changed).
 */
export class EntityScanner {
  constructor(
    private readonly options: {
      desiredReader: DesiredStateReader;
      providers: LiveStateProvider[];
      /** Applied one after the other: each checks the references of its stores. */
      secretResolvers: SecretResolver[];
      store: EntityStatusStore;
      settings: EngineSettings;
      logger: LoggerService;
      /** Moves hotfixes on and marks the drift they explain. */
      ledger?: LedgerReconciler;
      /** Stands in for secret values in desired and live state before comparing. */
      secretDigest: SecretDigest;
      /** Told when a scan stored a new status or detail. */
      listener?: EntityStatusListener;
    },
    private readonly reuse: Reuse = {
      redacted: new RedactedObjects(options.secretDigest),
      lastDrift: new LastDrift(),
    },
  ) {}

  /** A fleet scan starts: providers drop their per-scan caches. */
  async startScan(): Promise<void> {
    for (const provider of this.options.providers) {
      try {
        await provider.startScan?.();
      } catch (error) {
        this.options.logger.warn(
          `Live-state provider ${provider.name} failed to start a scan: ${
            (error as Error).message
          }`,
        );
      }
    }
  }

  /**
   * A scanner for one page of a fleet scan: the providers and the ledger
   * that can read many entities at once do so now, for these entities.
   * Pushes and refreshes keep using this scanner, which reads afresh.
   */
  async prefetch(entities: Entity[]): Promise<EntityScanner> {
    const refs = entities.map(entity => stringifyEntityRef(entity));
    const prefetched = <T>(dependency: T): T | Promise<T> =>
      isPrefetching<T>(dependency) ? dependency.prefetch(refs) : dependency;
    const [ledger, ...providers] = await Promise.all([
      prefetched(this.options.ledger),
      ...this.options.providers.map(prefetched),
    ]);
    return new EntityScanner(
      {
        ...this.options,
        ledger: ledger as LedgerReconciler | undefined,
        providers: providers as LiveStateProvider[],
      },
      this.reuse,
    );
  }

  async scan(entity: Entity): Promise<ScannedEntityStatus> {
    const { record, openHotfixes } = await this.computeWithHotfixes(entity);
    const [stored] = await this.storeAll([record]);
    return { ...stored, ...(openHotfixes ? { openHotfixes } : {}) };
  }

  /** What `scan` would store for the entity, without storing it. */
  async compute(entity: Entity): Promise<EntityStatusRecord<StatusDetail>> {
    return (await this.computeWithHotfixes(entity)).record;
  }

  private async computeWithHotfixes(entity: Entity): Promise<{
    record: EntityStatusRecord<StatusDetail>;
    openHotfixes?: Hotfix[];
  }> {
    const entityRef = stringifyEntityRef(entity);
    const reading = readTrack(entity);
    const checkedAt = new Date();
    const { openHotfixes, ...outcome }: Outcome =
      reading.track === null
        ? {
            status: reading.tracked ? 'unknown' : 'not-tracked',
            reason: reading.tracked ? reading.reason : undefined,
            detail: { findings: [] },
          }
        : await this.computeTracked(
            entity,
            entityRef,
            reading.track,
            checkedAt,
          );
    const record = {
      entityRef,
      track: reading.track,
      owner: ownerOf(entity),
      title: entity.metadata.title ?? entity.metadata.name,
      checkedAt,
      ...outcome,
      changedByHand: isChangedByHand(
        outcome.detail.resources,
        this.options.settings.gitopsFieldManagers,
      ),
      changedAt: earliest(outcome.changedAt, checkedAt),
    };
    return { record, openHotfixes };
  }

  /**
   * Stores computed records in one transaction (a fleet scan stores a chunk
   * at a time) and tells the listener about each that changed.
   */
  async storeAll(
    records: readonly EntityStatusRecord<StatusDetail>[],
  ): Promise<StoredEntityStatus<StatusDetail>[]> {
    const stored = await this.options.store.putMany(records);
    const results: StoredEntityStatus<StatusDetail>[] = [];
    for (const { updated, ...status } of stored) {
      if (updated) {
        await this.options.listener?.statusUpdated(
          status.entityRef,
          status.status,
        );
      }
      results.push(status as StoredEntityStatus<StatusDetail>);
    }
    return results;
  }

  private async computeTracked(
    entity: Entity,
    entityRef: string,
    track: Track,
    checkedAt: Date,
  ): Promise<Outcome> {
    let desired: DesiredState | undefined;
    let unavailable: string | undefined;
    try {
      desired = await this.options.desiredReader.read(entity);
    } catch (error) {
      if (
        !(
          error instanceof DesiredStateUnavailableError ||
          error instanceof AnnotationError
        )
      ) {
        throw error;
      }
      unavailable = error.message;
    }

    // Secret references and findings come from Git and annotations alone:
    // they are shown even when live state is unknown.
    let secretRefs = extractSecretRefs({
      entity,
      desired: desired?.objects ?? [],
      encryptedFiles: desired?.encryptedFiles,
    });
    for (const resolver of this.options.secretResolvers) {
      secretRefs = await resolver.resolveAll(secretRefs);
    }
    const findings: Finding[] = [
      ...(desired?.findings ?? []),
      ...findSecretFindings({
        desired: desired?.objects ?? [],
        objectFiles: desired?.objectFiles,
        encryptedFiles: desired?.encryptedFiles,
        sopsFiles: desired?.sopsFiles,
        refs: secretRefs,
      }),
      ...statefulInDeclarativeFindings(track, desired?.objects ?? []),
    ];
    const unknown = (reason: string, extra: Finding[] = []): Outcome => ({
      status: 'unknown',
      reason,
      detail: { findings: [...findings, ...extra], secretRefs },
    });

    if (unavailable) {
      return unknown(unavailable);
    }
    const unparseable = findings.filter(f => f.code === 'unparseable-manifest');
    if (unparseable.length > 0) {
      return unknown(
        `${
          unparseable.length
        } manifest file(s) could not be parsed: ${unparseable
          .map(f => f.location)
          .join(', ')}`,
      );
    }

    const defaultNamespace =
      entity.metadata.annotations?.[ANNOTATION_KUBERNETES_NAMESPACE];
    const { secretDigest } = this.options;
    const gitObjects = desired?.objects.map(this.reuse.redacted.of);
    const observation = await this.observeLive(entity, entityRef, {
      desired: gitObjects ?? [],
      defaultNamespace,
    });
    if (observation.type !== 'observed') {
      return observation.type === 'unknown'
        ? unknown(observation.reason, observation.findings)
        : unknown(NO_LIVE_STATE);
    }
    // Providers other than pushes (Argo CD) hand over live state unredacted.
    const live = redactLiveState(
      observation.live,
      secretDigest,
      this.reuse.redacted.of,
    );

    const desiredObjects = gitObjects ?? live.desiredObjects;
    if (!desiredObjects && track !== 'imperative') {
      return unknown(
        'No desired state: add pragmatic-gitops.io/source-location pointing at the manifests in Git',
      );
    }

    const result = this.reuse.lastDrift.compute(entityRef, {
      track,
      desired: desiredObjects ?? [],
      live,
      defaultNamespace,
      ignoreRules: entityIgnoreRules(
        entity,
        this.options.settings.ignoreDefaults,
      ),
      gitopsFieldManagers: this.options.settings.gitopsFieldManagers,
      availableMigrations: desired?.migrations,
    });
    const explained = this.options.ledger
      ? await this.options.ledger.reconcile({
          entity,
          entityRef,
          result,
          live,
          observedAt: earliest(live.observedAt, checkedAt),
          defaultNamespace,
          revision: desired?.revision ?? live.providerStatus?.revision,
        })
      : { resources: result.resources, allExplained: false };

    return {
      ...(explained.openHotfixes
        ? { openHotfixes: explained.openHotfixes }
        : {}),
      // Dated by what it rests on: the observation, or a later ledger event.
      changedAt: latest(live.observedAt, explained.latestEventAt),
      status:
        result.status === 'drifted' && explained.allExplained
          ? 'explained'
          : result.status,
      detail: {
        source: `${desired?.source ?? 'provider'} ↔ ${live.source}`,
        gitSource: desired?.source ?? 'provider',
        liveSource: live.source,
        observedAt: live.observedAt.toISOString(),
        ...(live.providerStatus
          ? { providerStatus: stringValues(live.providerStatus) }
          : {}),
        resources: explained.resources.map(resource => ({
          ...resource,
          ...withSource(sourceOf(live, resource)),
        })),
        ...(hasPendingChanges(result.pending)
          ? { pending: withPlanSource(result.pending, live) }
          : {}),
        findings,
        secretRefs,
      },
    };
  }

  /**
   * Every provider is asked; what they observed is merged. Also used by
   * back-ports, which write live values (redact before use: some providers
   * hand over live state unredacted).
   */
  async observeLive(
    entity: Entity,
    entityRef: string,
    context: Parameters<LiveStateProvider['getLiveState']>[2],
  ): Promise<MergeOutcome> {
    const results = await Promise.all(
      this.options.providers.map(async provider => {
        try {
          return [
            await provider.getLiveState(entity, entityRef, context),
          ].flat();
        } catch (error) {
          // A provider must answer `unknown` itself; one that throws is a bug
          // of that provider, not a reason to fail the scan of the entity.
          this.options.logger.error(
            `Live-state provider ${provider.name} failed for ${entityRef}: ${
              (error as Error).message
            }`,
          );
          return [
            {
              type: 'unknown',
              reason: `live-state provider ${provider.name} failed`,
            } as LiveStateResult,
          ];
        }
      }),
    );
    return mergeLiveState(results.flat());
  }
}

function withSource(source: string | undefined): { source?: string } {
  return source ? { source } : {};
}

function stringValues(
  values: Record<string, string | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
