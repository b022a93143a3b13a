import { ANNOTATION_SECRET_REFS } from './annotations';
import { AnnotationError } from './AnnotationError';
import { splitListValue } from './listValue';

/**
 * A reference to a secret held in a secret manager, never its value:
 * `vault:kv/payments/db#password`, `aws-sm:arn:aws:secretsmanager:…`.
 * The store may name a configured instance: `vault/prod:kv/payments/db`.
 *
 * @public
 */
export type SecretRefAnnotationEntry = {
  store: { kind: string; name?: string };
  key: string;
  property?: string;
};

const ENTRY =
  /^([a-z][a-z0-9-]*)(?:\/([A-Za-z0-9][A-Za-z0-9._-]*))?:([^#\s]+)(?:#([^#\s]+))?$/;

/** @public */
export function parseSecretRefs(value: string): SecretRefAnnotationEntry[] {
  const entries = splitListValue(value);
  if (entries.length === 0) {
    throw new AnnotationError(
      ANNOTATION_SECRET_REFS,
      value,
      'is empty; expected entries such as vault:kv/payments/db#password',
    );
  }
  return entries.map(entry => {
    const match = ENTRY.exec(entry);
    if (!match) {
      throw new AnnotationError(
        ANNOTATION_SECRET_REFS,
        entry,
        'is not a secret reference; expected <store>:<key>[#<property>], for example vault:kv/payments/db#password',
      );
    }
    const [, kind, name, key, property] = match;
    return {
      store: name ? { kind, name } : { kind },
      key,
      ...(property ? { property } : {}),
    };
  });
}
