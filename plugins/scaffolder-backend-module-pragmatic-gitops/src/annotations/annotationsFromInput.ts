import { InputError } from '@backstage/errors';
import {
  ANNOTATION_IGNORE_DIFFERENCES,
  ANNOTATION_SECRET_REFS,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_TRACK,
  parseIgnoreDifferences,
  parseSecretRefs,
  parseSourceLocation,
  parseTrack,
} from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** The annotation inputs of `pragmatic-gitops:annotate`, as a template passes them. */
export type AnnotationInput = {
  track: string;
  sourceLocation: string;
  ignoreDifferences?: string[];
  secretRefs?: string[];
};

/**
 * Validates the action input with the shared annotation parsers and returns
 * the normalised annotation values to write. Errors are InputErrors that name
 * the input field (and the index of a bad list item) before the parser's
 * message, which names the annotation.
 */
export function annotationsFromInput(
  input: AnnotationInput,
): Record<string, string> {
  const track = parseField('track', input.track, parseTrack);
  const location = parseField(
    'sourceLocation',
    input.sourceLocation,
    parseSourceLocation,
  );
  const annotations: Record<string, string> = {
    [ANNOTATION_TRACK]: track,
    [ANNOTATION_SOURCE_LOCATION]: `${location.type}:${location.target}`,
  };

  const ignoreDifferences = parseList(
    'ignoreDifferences',
    input.ignoreDifferences,
    parseIgnoreDifferences,
  );
  if (ignoreDifferences) {
    annotations[ANNOTATION_IGNORE_DIFFERENCES] = ignoreDifferences;
  }

  const secretRefs = parseList('secretRefs', input.secretRefs, parseSecretRefs);
  if (secretRefs) {
    annotations[ANNOTATION_SECRET_REFS] = secretRefs;
  }
  return annotations;
}

function parseField<T>(
  field: string,
  value: unknown,
  parse: (value: string) => T,
): T {
  if (typeof value !== 'string') {
    throw new InputError(
      `Invalid input ${field}: expected a string, got ${describe(value)}`,
    );
  }
  try {
    return parse(value);
  } catch (error) {
    throw new InputError(`Invalid input ${field}: ${(error as Error).message}`);
  }
}

/**
 * Validates every item of a list input and joins the trimmed items with
 * newlines, the one-entry-per-line form of list annotations. An omitted or
 * empty list yields undefined: the annotation is left as it is.
 */
function parseList(
  field: string,
  value: unknown,
  parse: (value: string) => unknown,
): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    throw new InputError(
      `Invalid input ${field}: expected a list of strings, got ${describe(
        value,
      )}`,
    );
  }
  const items = value.map((item, index) =>
    parseField(`${field}[${index}]`, item, text => {
      parse(text);
      return text.trim();
    }),
  );
  return items.length > 0 ? items.join('\n') : undefined;
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'a list' : typeof value;
}
