import { DriftStatus } from './types';

/**
 * The signals channel on which the backend announces that an entity's drift
 * status changed, so an open entity page can refresh without a reload. Entity
 * refs compare case-insensitively, so the channel uses the lower-cased ref.
 *
 * @public
 */
export function entityStatusSignalChannel(entityRef: string): string {
  return `pragmatic-gitops:entity:${entityRef.toLocaleLowerCase('en-US')}`;
}

/**
 * Message published on {@link entityStatusSignalChannel}. It only says what
 * the status is now; subscribers fetch the full status themselves, so nothing
 * a reader may not see travels over the signal.
 *
 * @public
 */
export type EntityStatusSignal = {
  entityRef: string;
  status: DriftStatus;
};
