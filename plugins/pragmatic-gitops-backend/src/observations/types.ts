import { LiveState } from '../engine/types';

/** The push body contract, also the format of observation files. */
export type Observation = LiveState & {
  entityRef: string;
  source: string;
  observedAt?: string;
};

export type StoredObservation = LiveState & {
  entityRef: string;
  source: string;
  observedAt: Date;
};
