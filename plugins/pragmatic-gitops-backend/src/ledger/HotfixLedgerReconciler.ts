import { LoggerService } from '@backstage/backend-plugin-api';
import { ResourceDrift } from '../engine/types';
import { LedgerReconciler } from '../scan/EntityScanner';
import { HotfixService } from './HotfixService';
import {
  BackportCommitFinder,
  BackportSearchResult,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-node';
import { evaluateLifecycle, explainDrift, touchedStates } from './lifecycle';

type ReconcileInput = Parameters<LedgerReconciler['reconcile']>[0];

/**
 * Runs after every drift computation: moves the entity's open hotfixes on
 * (drift seen, back-ported because Git caught up or a commit carries its
 * Backport-Of trailer, reverted because live went back) and marks the
 * differences the remaining open hotfixes explain.
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

  async reconcile(
    input: ReconcileInput,
  ): Promise<{ resources: ResourceDrift[]; allExplained: boolean }> {
    const { hotfixes, logger } = this.options;
    const open = await hotfixes.openHotfixes(input.entityRef);
    if (open.length === 0) {
      return { resources: input.resources, allExplained: false };
    }

    const since = new Date(Math.min(...open.map(h => Date.parse(h.appliedAt))));
    const search = await this.findBackports(input.entity, since);
    if (search?.type === 'error') {
      logger.warn(
        `Back-port commit search for ${input.entityRef} failed: ${search.reason}`,
      );
    }

    const stillOpen = [];
    for (const hotfix of open) {
      const touched = touchedStates(hotfix.changes, input);
      const events = evaluateLifecycle(hotfix, touched, {
        now: new Date(),
        revision: input.revision,
        backportCommit:
          search?.type === 'found' ? search.commits.get(hotfix.id) : undefined,
      });
      let status: string = hotfix.status;
      for (const event of events) {
        const result = await hotfixes.appendLifecycleEvent(hotfix.id, event);
        status = result.status;
        if (result.applied && event.type !== 'drift-observed') {
          logger.info(`${hotfix.id} of ${input.entityRef} is now ${status}`);
        }
      }
      if (status === 'pending-backport') {
        stillOpen.push(hotfix);
      }
    }
    const explained = explainDrift(input.resources, stillOpen);
    return {
      resources: explained.resources as ResourceDrift[],
      allExplained: explained.allExplained,
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
