import { ANNOTATION_IGNORE_DIFFERENCES } from './annotations';
import { AnnotationError } from './AnnotationError';
import { splitListValue } from './listValue';

/**
 * One ignore rule: a JSON pointer (RFC 6901) into a resource, optionally
 * scoped to a kind (`Deployment:/spec/replicas`) or to one object
 * (`Deployment/web:/spec/replicas`). For Terraform the kind is the resource
 * type and the name its address (`aws_db_instance/aws_db_instance.main:/tags`).
 *
 * @public
 */
export type IgnoreRule = { kind?: string; name?: string; pointer: string };

// RFC 6901: a sequence of "/" + reference tokens where "~" only escapes 0 or 1.
const JSON_POINTER = /^(\/([^~/]|~[01])*)+$/;
// A Kubernetes kind or a Terraform resource type (`aws_db_instance`), then
// optionally an object name or a Terraform address (`module.db.aws_db_instance.main[0]`).
const SCOPE =
  /^([A-Za-z][A-Za-z0-9_]*)(?:\/([A-Za-z0-9_]([-A-Za-z0-9_.[\]"]*[A-Za-z0-9_\]])?))?$/;

/** True when the string is a non-root RFC 6901 JSON pointer. @public */
export function isJsonPointer(value: string): boolean {
  return JSON_POINTER.test(value);
}

/** @public */
export function parseIgnoreDifferences(value: string): IgnoreRule[] {
  const entries = splitListValue(value);
  if (entries.length === 0) {
    throw new AnnotationError(
      ANNOTATION_IGNORE_DIFFERENCES,
      value,
      'is empty; expected JSON pointers such as /spec/replicas or Deployment:/spec/replicas',
    );
  }
  return entries.map(entry => parseIgnoreRule(entry));
}

function parseIgnoreRule(entry: string): IgnoreRule {
  const separator = entry.startsWith('/') ? -1 : entry.indexOf(':');
  const scope = separator >= 0 ? entry.slice(0, separator).trim() : undefined;
  const pointer = separator >= 0 ? entry.slice(separator + 1).trim() : entry;

  if (!isJsonPointer(pointer)) {
    throw new AnnotationError(
      ANNOTATION_IGNORE_DIFFERENCES,
      entry,
      'is not a JSON pointer (RFC 6901); expected something like /spec/replicas, optionally scoped as Kind:/path or Kind/name:/path',
    );
  }
  if (pointer === '/') {
    throw new AnnotationError(
      ANNOTATION_IGNORE_DIFFERENCES,
      entry,
      'would ignore the whole object; name the field, e.g. /spec/replicas',
    );
  }
  if (scope === undefined) {
    return { pointer };
  }
  const scopeMatch = SCOPE.exec(scope);
  if (!scopeMatch) {
    throw new AnnotationError(
      ANNOTATION_IGNORE_DIFFERENCES,
      entry,
      `has an invalid scope ${JSON.stringify(
        scope,
      )}; expected Kind or Kind/name`,
    );
  }
  return scopeMatch[2]
    ? { kind: scopeMatch[1], name: scopeMatch[2], pointer }
    : { kind: scopeMatch[1], pointer };
}
