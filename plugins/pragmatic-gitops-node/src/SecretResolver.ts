import { SecretRef } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/**
 * Checks secret references against a store's metadata (exists, version,
 * last changed), never its data. Each resolver sets `resolution` on the
 * references of the stores it knows and returns every other reference
 * untouched, so resolvers are applied one after the other.
 *
 * @public
 */
export interface SecretResolver {
  /** e.g. `vault`, `aws-secrets-manager`. */
  readonly name: string;
  /** Never throws and never mutates its input; same order and length out as in. */
  resolveAll<T extends SecretRef>(refs: T[]): Promise<T[]>;
}
