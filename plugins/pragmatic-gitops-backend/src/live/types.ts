import { Entity } from '@backstage/catalog-model';
import { Finding } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { KubeObject, LiveState } from '../engine/types';

/** Live state a provider observed, or why it could not. */
export type LiveStateResult =
  | ({
      type: 'observed';
      /** e.g. `push:ci-agent`, `directory`, `argocd:prod` */
      source: string;
      observedAt: Date;
      /** Desired objects as the provider rendered them (Argo CD targetState); used when the entity has no source location. */
      desiredObjects?: KubeObject[];
      /** Provider's own view, shown beside the computed drift. */
      providerStatus?: {
        sync?: string;
        health?: string;
        revision?: string;
        operation?: string;
      };
    } & LiveState)
  | { type: 'unknown'; reason: string; findings?: Finding[] }
  | { type: 'none' };

/**
 * A source of live state. `none` means "this provider has nothing to say
 * about this entity", so the next provider is asked.
 */
export interface LiveStateProvider {
  readonly name: string;
  getLiveState(entity: Entity, entityRef: string): Promise<LiveStateResult>;
}
