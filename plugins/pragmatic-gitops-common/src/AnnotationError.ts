import { InputError } from '@backstage/errors';

/**
 * A bad annotation value. The message always names the annotation and the
 * offending value so it reads well as a catalog processing error.
 *
 * @public
 */
export class AnnotationError extends InputError {
  readonly annotation: string;
  readonly value: string;

  constructor(annotation: string, value: string, problem: string) {
    super(
      `Invalid annotation ${annotation}: ${JSON.stringify(value)} ${problem}`,
    );
    this.annotation = annotation;
    this.value = value;
  }
}
