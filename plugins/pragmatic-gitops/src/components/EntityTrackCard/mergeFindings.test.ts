import {
  ANNOTATION_SECRET_REFS,
  ANNOTATION_TRACK,
  AnnotationProblem,
  Finding,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { INVALID_ANNOTATION_CODE, mergeFindings } from './mergeFindings';

const trackProblem: AnnotationProblem = {
  annotation: ANNOTATION_TRACK,
  value: 'gitops',
  message: `Invalid annotation ${ANNOTATION_TRACK}: "gitops" is not a track`,
};
const secretRefsProblem: AnnotationProblem = {
  annotation: ANNOTATION_SECRET_REFS,
  value: 'nope',
  message: `Invalid annotation ${ANNOTATION_SECRET_REFS}: "nope" is not a secret reference`,
};

describe('mergeFindings', () => {
  it('turns local annotation problems into error findings', () => {
    expect(mergeFindings({ annotationProblems: [secretRefsProblem] })).toEqual([
      {
        severity: 'error',
        code: INVALID_ANNOTATION_CODE,
        message: secretRefsProblem.message,
      },
    ]);
  });

  it('drops backend invalid-annotation findings already found locally', () => {
    const backendFindings: Finding[] = [
      {
        severity: 'error',
        code: INVALID_ANNOTATION_CODE,
        message: secretRefsProblem.message,
      },
      {
        severity: 'error',
        code: INVALID_ANNOTATION_CODE,
        message: trackProblem.message,
      },
      {
        severity: 'error',
        code: 'other-check',
        message: secretRefsProblem.message,
      },
    ];

    const merged = mergeFindings({
      annotationProblems: [trackProblem, secretRefsProblem],
      backendFindings,
      hideAnnotation: ANNOTATION_TRACK,
    });

    expect(merged).toEqual([
      {
        severity: 'error',
        code: INVALID_ANNOTATION_CODE,
        message: secretRefsProblem.message,
      },
      {
        severity: 'error',
        code: 'other-check',
        message: secretRefsProblem.message,
      },
    ]);
  });

  it('keeps backend annotation findings the browser did not find', () => {
    const backendOnly: Finding = {
      severity: 'error',
      code: INVALID_ANNOTATION_CODE,
      message:
        'Invalid annotation argocd/instance-name: "eu" is not configured',
    };
    expect(
      mergeFindings({ annotationProblems: [], backendFindings: [backendOnly] }),
    ).toEqual([backendOnly]);
  });

  it('lists the most severe first and keeps order within a severity', () => {
    const findings: Finding[] = [
      { severity: 'info', code: 'i', message: 'info' },
      { severity: 'warning', code: 'w1', message: 'first warning' },
      { severity: 'critical', code: 'c', message: 'critical' },
      { severity: 'warning', code: 'w2', message: 'second warning' },
    ];
    expect(
      mergeFindings({ annotationProblems: [], backendFindings: findings }).map(
        f => f.code,
      ),
    ).toEqual(['c', 'w1', 'w2', 'i']);
  });
});
