/**
 * Property-based: whatever string an annotation holds, each parser either
 * returns a value or throws an AnnotationError naming the annotation (never
 * another error, never a hang), and nothing it builds reaches the prototype.
 */
import fc from 'fast-check';
import {
  ANNOTATION_IGNORE_DIFFERENCES,
  ANNOTATION_SECRET_REFS,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_TRACK,
} from './annotations';
import { AnnotationError } from './AnnotationError';
import { parseIgnoreDifferences } from './ignoreDifferences';
import { parseSecretRefs } from './secretRefs';
import { parseSourceLocation } from './sourceLocation';
import { parseTrack } from './track';
import { validateAnnotations } from './validateAnnotations';

const RUNS = 10_000;

/** Pieces annotation values are made of, to reach past the first check. */
const token = fc.oneof(
  fc.constantFrom(
    'declarative',
    'operator',
    'imperative',
    'A',
    'url:',
    'dir:',
    'https://github.com/acme/deploy/tree/main/apps',
    '../',
    '/spec/replicas',
    'Deployment:',
    'Deployment/web:',
    '~0',
    '~1',
    '~2',
    'vault:',
    'vault/prod:',
    'aws-sm:',
    'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db',
    '#',
    ',',
    '\n',
    '- ',
    '[',
    ']',
    '"',
    '__proto__',
    'constructor',
    'prototype',
    '%2e%2e',
    '\u0000',
    ' ',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const annotationValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.array(token, { maxLength: 12 }).map(t => t.join('')),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.json() },
  {
    weight: 1,
    arbitrary: fc
      .tuple(token, fc.integer({ min: 1_000, max: 100_000 }))
      .map(([t, n]) => t.repeat(Math.ceil(n / Math.max(1, t.length)))),
  },
);

const PARSERS: Array<[string, (value: string) => unknown]> = [
  [ANNOTATION_TRACK, parseTrack],
  [ANNOTATION_SOURCE_LOCATION, parseSourceLocation],
  [ANNOTATION_IGNORE_DIFFERENCES, parseIgnoreDifferences],
  [ANNOTATION_SECRET_REFS, parseSecretRefs],
];

describe('annotation parsers under generated input', () => {
  it.each(PARSERS)(
    '%s: a value or an AnnotationError naming it, for 10,000 inputs',
    (annotation, parse) => {
      let accepted = 0;
      let refused = 0;
      fc.assert(
        fc.property(annotationValue, value => {
          try {
            parse(value);
            accepted++;
            return true;
          } catch (error) {
            refused++;
            return (
              error instanceof AnnotationError &&
              error.annotation === annotation &&
              error.message.includes(annotation)
            );
          }
        }),
        { numRuns: RUNS },
      );
      expect(accepted + refused).toBe(RUNS);
    },
  );

  it('validateAnnotations reports problems and never throws, for 10,000 annotation maps', () => {
    const key = fc.oneof(
      fc.constantFrom(...PARSERS.map(([a]) => a)),
      fc.constantFrom(
        'pragmatic-gitops.io/__proto__',
        'pragmatic-gitops.io/constructor',
        'pragmatic-gitops.io/unknown',
        '__proto__',
      ),
      fc.string({ maxLength: 30 }).map(s => `pragmatic-gitops.io/${s}`),
    );
    fc.assert(
      fc.property(fc.dictionary(key, annotationValue, { maxKeys: 6 }), map =>
        validateAnnotations(map).every(
          problem =>
            Object.hasOwn(map, problem.annotation) &&
            problem.message.includes(problem.annotation),
        ),
      ),
      { numRuns: RUNS },
    );
  });

  it('left the prototype alone', () => {
    expect(({} as any).polluted).toBeUndefined();
    expect(Object.prototype).toEqual({});
  });
});
