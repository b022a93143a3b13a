/**
 * The record of what Git applied to a live object, as the comparison reads
 * it. Two records implement it: the last-applied annotation (threeWay.ts)
 * and the GitOps managers' `managedFields` (managedFields.ts).
 */
import { Difference } from './types';
import { ListKeyFn } from './listKeys';

export type RemovedSource = NonNullable<Difference['removedFromGit']>;

/** What the GitOps tool applied at one place of the object. */
export interface Owner {
  readonly source: RemovedSource;
  /**
   * The record holds the whole applied object (last-applied does; managed
   * fields only name fields): a live list entry it lacks was added by someone
   * else (a webhook, an injector, an operator) and is not drift.
   */
  readonly complete: boolean;
  /** The whole value here was applied (no finer record below). */
  isLeaf(): boolean;
  /** Git applied an empty value here (`{}`, `[]`, `""`): nothing to claim. */
  isVacuous(): boolean;
  /** Object fields applied below this place. */
  fieldKeys(): string[];
  field(key: string): Owner | undefined;
  /** The applied list item that corresponds to a live list item. */
  item(
    liveItem: unknown,
    liveIndex: number,
    key: ListKeyFn | undefined,
  ): Owner | undefined;
  /** The applied items when known (used to choose the list key). */
  listItems(): unknown[] | undefined;
}
