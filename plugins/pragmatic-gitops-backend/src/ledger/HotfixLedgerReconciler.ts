import { LoggerService } from '@backstage/backend-plugin-api';
import { entityKey } from '../database/EntityStatusStore';
import { ResourceDrift } from '../engine/types';
import { LedgerReconciler, LedgerOutcome } from '../scan/types';
import { HotfixService } from './HotfixService';
import {
  BackportCommitFinder,
  BackportSearchResult,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import {
  createTouchedStateResolver,
  evaluateLifecycle,
  explainDrift,
} from './lifecycle';

type ReconcileInput = Parameters<LedgerReconciler['reconcile']>[0];

/**
 * Runs after every computation of an entity (scheduled scan, refresh, push,
 * the recording of a hotfix): moves the entity's open hotfixes on (baseline
 * noted, drift seen, back-ported because Git caught up or a commit carries
 * its Backport-Of trailer, reverted because live went back) and marks the
 * differences the remaining open hotfixes explain. It reads the engine's
 * result; it never matches or normalises objects again.
 */
export class HotfixLedgerReconciler implements LedgerReconciler {
  constructor(
    private readonly options: {
      hotfixes: HotfixService;
      /** Asked in order; the first that supports the entity's source answers. */
      commitFinders: BackportCommitFinder[];
      logger: LoggerService;
    },
  ) {}

  async reconcile(input: ReconcileInput): Promise<LedgerOutcome> {
    const { hotfixes, logger } = this.options;
    const open = await hotfixes.openHotfixes(input.entityRef);
    if (open.length === 0) {
      return { ...nothingOpen(input), openHotfixes: [] };
    }

    const since = new Date(Math.min(...open.map(h => Date.parse(h.appliedAt))));
    const search = await this.findBackports(input.entity, since);
    if (search?.type === 'error') {
      logger.warn(
        `Back-port commit search for ${input.entityRef} failed: ${search.reason}`,
      );
    }

    const resolve = createTouchedStateResolver(input);
    const stillOpen = [];
    let latest: number | undefined;
    let movedOn = false;
    for (const hotfix of open) {
      const events = evaluateLifecycle(hotfix, hotfix.changes.map(resolve), {
        observedAt: input.observedAt,
        revision: input.revision,
        backportCommit:
          search?.type === 'found' ? search.commits.get(hotfix.id) : undefined,
      });
      let status: string = hotfix.status;
      // Any event tried means the stored hotfix may differ from `open`.
      movedOn ||= events.length > 0;
      for (const event of events) {
        const result = await hotfixes.appendLifecycleEvent(hotfix.id, event);
        status = result.status;
        if (
          result.applied &&
          (event.type === 'backported' || event.type === 'reverted')
        ) {
          logger.info(`${hotfix.id} of ${input.entityRef} is now ${status}`);
        }
      }
      // The status of the entity changes no earlier than the ledger events behind it.
      for (const at of [
        hotfix.recordedAt,
        ...hotfix.events.map(e => e.at),
        ...events.map(e => e.at),
      ]) {
        const time = Date.parse(at);
        if (Number.isFinite(time) && (latest === undefined || time > latest)) {
          latest = time;
        }
      }
      if (status === 'pending-backport') {
        stillOpen.push(hotfix);
      }
    }
    const explained = explainDrift(input.result.resources, stillOpen);
    return {
      resources: explained.resources as ResourceDrift[],
      allExplained: explained.allExplained,
      ...(latest !== undefined ? { latestEventAt: new Date(latest) } : {}),
      ...(movedOn ? {} : { openHotfixes: open }),
    };
  }

  /**
   * For a fleet scan: which of a page of entities have open hotfixes, in
   * one query; the others are answered without asking the database.
   */
  async prefetch(entityRefs: string[]): Promise<LedgerReconciler> {
    const keys = new Set(entityRefs.map(entityKey));
    const withOpen = await this.options.hotfixes.entityKeysWith('pending', [
      ...keys,
    ]);
    return {
      reconcile: async input =>
        keys.has(entityKey(input.entityRef)) &&
        !withOpen.has(entityKey(input.entityRef))
          ? nothingOpen(input)
          : this.reconcile(input),
    };
  }

  private async findBackports(
    entity: ReconcileInput['entity'],
    since: Date,
  ): Promise<BackportSearchResult | undefined> {
    for (const finder of this.options.commitFinders) {
      const result = await finder.findBackports(entity, { since });
      if (result.type !== 'unsupported') {
        return result;
      }
    }
    return undefined;
  }
}

/** An entity without open hotfixes: its drift stays as the engine found it. */
function nothingOpen(input: ReconcileInput): LedgerOutcome {
  return { resources: input.result.resources, allExplained: false };
}
