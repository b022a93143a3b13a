import {
  DriftStatus,
  Finding,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { PendingChanges, ResourceDrift } from '../engine/types';
import { SecretRef } from '../secrets';

/** What is stored per entity beside its status (the `detail` JSON). */
export type StatusDetail = {
  source?: string;
  observedAt?: string;
  providerStatus?: Record<string, string>;
  /** Each resource with the live-state source it came from (none when missing). */
  resources?: Array<ResourceDrift & { source?: string }>;
  pending?: PendingChanges;
  findings: Finding[];
  secretRefs?: SecretRef[];
};

/** Told when a scan stored something new for an entity (e.g. to push a signal). */
export interface EntityStatusListener {
  statusUpdated(entityRef: string, status: DriftStatus): Promise<void>;
}
