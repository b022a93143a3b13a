/**
 * The ignore rules that apply to an entity: the configured defaults
 * (`pragmaticGitops.ignoreDifferences`) and its `ignore-differences`
 * annotation. Scans and back-ports use the same rules, so a field a scan
 * ignores is never written to Git by a back-port.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_IGNORE_DIFFERENCES,
  IgnoreRule,
  parseIgnoreDifferences,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

export function entityIgnoreRules(
  entity: Entity,
  defaults: readonly IgnoreRule[],
): IgnoreRule[] {
  return [...defaults, ...annotationIgnoreRules(entity)];
}

function annotationIgnoreRules(entity: Entity): IgnoreRule[] {
  const value = entity.metadata.annotations?.[ANNOTATION_IGNORE_DIFFERENCES];
  if (!value) {
    return [];
  }
  try {
    return parseIgnoreDifferences(value);
  } catch {
    return []; // reported as an invalid-annotation finding
  }
}
