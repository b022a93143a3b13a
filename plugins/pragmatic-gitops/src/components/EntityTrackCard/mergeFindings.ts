import {
  AnnotationProblem,
  Finding,
  FindingSeverity,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** Finding code the backend uses for a bad `pragmatic-gitops.io/*` annotation. */
export const INVALID_ANNOTATION_CODE = 'invalid-annotation';

const SEVERITY_ORDER: Record<FindingSeverity, number> = {
  critical: 0,
  error: 1,
  warning: 2,
  info: 3,
};

/**
 * The findings a card lists: annotation problems found in the browser (so
 * they show even when the backend is down) followed by the backend's
 * findings, most severe first. A backend `invalid-annotation` finding with
 * the same message as a local problem is the same problem and is dropped.
 * Problems of `hideAnnotation` are left out because the card shows them
 * elsewhere.
 */
export function mergeFindings(options: {
  annotationProblems: AnnotationProblem[];
  backendFindings?: Finding[];
  hideAnnotation?: string;
}): Finding[] {
  const { annotationProblems, backendFindings = [], hideAnnotation } = options;
  const localMessages = new Set(annotationProblems.map(p => p.message));

  const local: Finding[] = annotationProblems
    .filter(problem => problem.annotation !== hideAnnotation)
    .map(problem => ({
      severity: 'error',
      code: INVALID_ANNOTATION_CODE,
      message: problem.message,
    }));
  const remote = backendFindings.filter(
    finding =>
      !(
        finding.code === INVALID_ANNOTATION_CODE &&
        localMessages.has(finding.message)
      ),
  );

  return [...local, ...remote]
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        (SEVERITY_ORDER[a.finding.severity] ?? 4) -
          (SEVERITY_ORDER[b.finding.severity] ?? 4) || a.index - b.index,
    )
    .map(({ finding }) => finding);
}
