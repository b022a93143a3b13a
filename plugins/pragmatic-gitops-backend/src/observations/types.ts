import { LiveState } from '../engine/types';

/** The push body contract, also the format of observation files. */
export type Observation = LiveState & {
  entityRef: string;
  source: string;
  observedAt?: string;
  /** The pipeline run that observed it (http or https). */
  runUrl?: string;
};

export type StoredObservation = LiveState & {
  entityRef: string;
  /** The label shown for this stream (the push body's `source`). */
  source: string;
  observedAt: Date;
  /** The pipeline run that observed it (http or https). */
  runUrl?: string;
  /**
   * Who pushed it (`external:ci-agent`, `plugin:catalog`): with the label,
   * the stream a push replaces. Absent for files the backend reads itself.
   */
  pushedBy?: string;
};
