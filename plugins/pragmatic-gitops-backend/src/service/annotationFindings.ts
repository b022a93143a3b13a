import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_TRACK,
  Finding,
  Track,
  parseTrack,
  validateAnnotations,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** The entity's track, or why it has none. */
export type TrackReading =
  | { track: Track }
  | { track: null; tracked: false }
  | { track: null; tracked: true; reason: string };

export function readTrack(entity: Entity): TrackReading {
  const value = entity.metadata.annotations?.[ANNOTATION_TRACK];
  if (value === undefined) {
    return { track: null, tracked: false };
  }
  try {
    return { track: parseTrack(value) };
  } catch (error) {
    return { track: null, tracked: true, reason: (error as Error).message };
  }
}

/** Findings about the entity's annotations themselves. */
export function annotationFindings(entity: Entity): Finding[] {
  const annotations = entity.metadata.annotations ?? {};
  const findings: Finding[] = validateAnnotations(annotations).map(problem => ({
    severity: 'error',
    code: 'invalid-annotation',
    message: problem.message,
    location: problem.annotation,
  }));
  if (
    annotations[ANNOTATION_TRACK] !== undefined &&
    annotations[ANNOTATION_SOURCE_LOCATION] === undefined
  ) {
    findings.push({
      severity: 'warning',
      code: 'missing-source-location',
      message: `No ${ANNOTATION_SOURCE_LOCATION} annotation: the desired state in Git cannot be read, so drift cannot be computed`,
      location: ANNOTATION_SOURCE_LOCATION,
    });
  }
  return findings;
}
