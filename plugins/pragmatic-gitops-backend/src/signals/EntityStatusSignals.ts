import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  DriftStatus,
  EntityStatusSignal,
  entityStatusSignalChannel,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { EntityStatusStore } from '../database/EntityStatusStore';
import { HotfixListener } from '../ledger/types';
import { EntityStatusListener } from '../scan/types';

/**
 * Tells open entity pages that an entity's GitOps status changed, through
 * Backstage signals, so they refetch without a reload. The message holds only
 * the ref and the status; pages fetch the rest with their own credentials.
 * It is broadcast: the signals channel has no notion of catalog read access.
 * Without the signals backend installed, the signal goes nowhere; a failed
 * publish is logged and never fails the scan or write that caused it.
 */
export class EntityStatusSignals
  implements EntityStatusListener, HotfixListener
{
  constructor(
    private readonly options: {
      signals: SignalsService;
      store: EntityStatusStore;
      logger: LoggerService;
    },
  ) {}

  async statusUpdated(entityRef: string, status: DriftStatus): Promise<void> {
    try {
      await this.options.signals.publish<EntityStatusSignal>({
        recipients: { type: 'broadcast' },
        channel: entityStatusSignalChannel(entityRef),
        message: { entityRef, status },
      });
    } catch (error) {
      this.options.logger.warn(
        `Could not signal the new status of ${entityRef}: ${
          (error as Error).message
        }`,
      );
    }
  }

  /** A hotfix changes the entity page (its open hotfixes) even when the status stays. */
  async hotfixChanged(entityRef: string): Promise<void> {
    const stored = await this.options.store.get(entityRef);
    if (stored) {
      await this.statusUpdated(entityRef, stored.status);
    }
  }
}
