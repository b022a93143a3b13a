import {
  ANNOTATION_IGNORE_DIFFERENCES,
  ANNOTATION_PREFIX,
  ANNOTATION_SECRET_REFS,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_TRACK,
} from './annotations';
import { parseIgnoreDifferences } from './ignoreDifferences';
import { parseSecretRefs } from './secretRefs';
import { parseSourceLocation } from './sourceLocation';
import { parseTrack } from './track';

/** One problem with one annotation of an entity. @public */
export type AnnotationProblem = {
  annotation: string;
  value: string;
  message: string;
};

const PARSERS: Record<string, (value: string) => unknown> = {
  [ANNOTATION_TRACK]: parseTrack,
  [ANNOTATION_SOURCE_LOCATION]: parseSourceLocation,
  [ANNOTATION_IGNORE_DIFFERENCES]: parseIgnoreDifferences,
  [ANNOTATION_SECRET_REFS]: parseSecretRefs,
};

/** True when the entity carries any `pragmatic-gitops.io/*` annotation. @public */
export function hasPragmaticGitopsAnnotations(
  annotations: Record<string, string> | undefined,
): boolean {
  return Object.keys(annotations ?? {}).some(key =>
    key.startsWith(ANNOTATION_PREFIX),
  );
}

/**
 * Checks every `pragmatic-gitops.io/*` annotation and returns one problem per
 * bad value or unknown key; an empty list means the entity is well annotated.
 *
 * @public
 */
export function validateAnnotations(
  annotations: Record<string, string> | undefined,
): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  for (const [annotation, value] of Object.entries(annotations ?? {})) {
    if (!annotation.startsWith(ANNOTATION_PREFIX)) {
      continue;
    }
    const parse = Object.hasOwn(PARSERS, annotation)
      ? PARSERS[annotation]
      : undefined;
    if (!parse) {
      problems.push({
        annotation,
        value,
        message: `Unknown annotation ${annotation}; known keys are ${Object.keys(
          PARSERS,
        ).join(', ')}`,
      });
      continue;
    }
    try {
      parse(String(value));
    } catch (error) {
      problems.push({ annotation, value, message: (error as Error).message });
    }
  }
  return problems;
}
