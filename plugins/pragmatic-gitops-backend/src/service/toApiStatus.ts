import {
  EntityGitopsDetails,
  Finding,
  StatusTransition,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  StatusTransition as StoredTransition,
  StoredEntityStatus,
} from '../database/EntityStatusStore';
import { StatusDetail } from '../scan/types';

/** Turns a stored status into the API shape (ISO dates, findings merged). */
export function toApiStatus(
  entityRef: string,
  stored: StoredEntityStatus<StatusDetail>,
  annotationFindings: Finding[],
): EntityGitopsDetails {
  const {
    findings = [],
    secretRefs,
    ...detail
  } = stored.detail ?? { findings: [] };
  return {
    entityRef,
    track: stored.track,
    drift: {
      status: stored.status,
      ...(stored.reason ? { reason: stored.reason } : {}),
      since: stored.since.toISOString(),
      ...(stored.trackedSince
        ? { trackedSince: stored.trackedSince.toISOString() }
        : {}),
      checkedAt: stored.checkedAt.toISOString(),
      ...detail,
    },
    findings: [...annotationFindings, ...findings],
    ...(secretRefs ? { secretRefs } : {}),
  };
}

export function toApiTransition(
  transition: StoredTransition,
): StatusTransition {
  return { ...transition, at: transition.at.toISOString() };
}
