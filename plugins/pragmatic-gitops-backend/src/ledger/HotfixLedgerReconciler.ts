import { LoggerService } from '@backstage/backend-plugin-api';
import { ResourceDrift } from '../engine/types';
import { LedgerReconciler } from '../scan/EntityScanner';
import { HotfixService } from './HotfixService';
import {
  BackportCommitFinder,
  evaluateLifecycle,
  explainDrift,
  touchedStates,
} from './lifecycle';

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
      commitFinder?: BackportCommitFinder;
      logger: LoggerService;
    },
  ) {}

  async reconcile(
    input: ReconcileInput,
  ): Promise<{ resources: ResourceDrift[]; allExplained: boolean }> {
    const { hotfixes, commitFinder, logger } = this.options;
    const open = await hotfixes.openHotfixes(input.entityRef);
    if (open.length === 0) {
      return { resources: input.resources, allExplained: false };
    }

    const since = new Date(Math.min(...open.map(h => Date.parse(h.appliedAt))));
    const search = commitFinder
      ? await commitFinder.findBackports(input.entity, { since })
      : undefined;
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
}
