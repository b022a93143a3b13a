import { Track } from './track';

/** Drift status of one entity. @public */
export type DriftStatus =
  | 'in-sync'
  | 'drifted'
  | 'explained'
  | 'pending'
  | 'unknown'
  | 'not-tracked';

/** All drift statuses, in the order the UI lists them. @public */
export const DRIFT_STATUSES: readonly DriftStatus[] = [
  'in-sync',
  'drifted',
  'explained',
  'pending',
  'unknown',
  'not-tracked',
];

/** @public */
export type FindingSeverity = 'critical' | 'error' | 'warning' | 'info';

/**
 * Something about an entity worth a person's attention: a bad annotation, a
 * stateful resource in a declarative track, a secret committed to Git…
 *
 * @public
 */
export type Finding = {
  severity: FindingSeverity;
  code: string;
  message: string;
  location?: string;
};

/** Response of `GET /entities/{kind}/{namespace}/{name}`. @public */
export type EntityGitopsStatus = {
  entityRef: string;
  track: Track | null;
  drift: {
    status: DriftStatus;
    reason?: string;
  };
  findings: Finding[];
};
