import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { InputError } from '@backstage/errors';
import { makeValidator, parseEntityRef } from '@backstage/catalog-model';
import { findUntrustedJsonProblem } from '../engine/untrustedJson';
import { spec } from '../schema/openapi/generated';
import { rejectUnknownFields } from '../schema/rejectUnknownFields';
import { Observation } from './types';

/**
 * Observation files are validated against the same schema as the push API,
 * taken from the plugin's OpenAPI spec, so both paths accept exactly the
 * same documents.
 */
const ajv = new Ajv2020({ allErrors: false, strict: false });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: spec.components } as object);
const validate = ajv.compile<Observation>({
  $ref: 'openapi#/components/schemas/Observation',
});

/** Refuses prototype keys and hostile nesting, naming the JSON pointer. */
export function rejectUntrustedJson(document: unknown, where?: string): void {
  const problem = findUntrustedJsonProblem(document);
  if (problem) {
    throw new InputError(`${where ? `${where}: ` : ''}${problem}`);
  }
}

/** Validates an observation document; the error names the field. */
export function validateObservation(
  document: unknown,
  where: string,
): Observation {
  if (document && typeof document === 'object' && !Array.isArray(document)) {
    rejectUnknownFields(document, 'Observation', where);
  }
  rejectUntrustedJson(document, where);
  if (!validate(document)) {
    const error = validate.errors?.[0];
    const field = error?.instancePath ? error.instancePath : '(document)';
    throw new InputError(
      `${where}: ${field} ${error?.message ?? 'is invalid'}`,
    );
  }
  return document;
}

/** Parses and checks the entity ref of an observation; the error names the field. */
const validator = makeValidator();

export function parseObservationEntityRef(entityRef: string): string {
  let ref;
  try {
    ref = parseEntityRef(entityRef);
  } catch (error) {
    throw new InputError(
      `entityRef ${JSON.stringify(entityRef)} is not a valid entity ref: ${
        (error as Error).message
      }`,
    );
  }
  if (
    !validator.isValidKind(ref.kind) ||
    !validator.isValidNamespace(ref.namespace) ||
    !validator.isValidEntityName(ref.name)
  ) {
    throw new InputError(
      `entityRef ${JSON.stringify(
        entityRef,
      )} is not a valid entity ref; expected kind:namespace/name, e.g. component:default/payments-api`,
    );
  }
  return `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase('en-US');
}

/** Parses `observedAt`; absent means now. */
export function parseObservedAt(
  observedAt: string | undefined,
  now: Date,
): Date {
  if (observedAt === undefined) {
    return now;
  }
  const date = new Date(observedAt);
  if (Number.isNaN(date.getTime())) {
    throw new InputError(
      `observedAt ${JSON.stringify(observedAt)} is not an ISO 8601 date-time`,
    );
  }
  return date;
}

/** Clocks drift; an observation may claim to be taken at most this far ahead. */
export const MAX_OBSERVED_AT_SKEW_MS = 5 * 60 * 1000;

/**
 * Refuses an `observedAt` in the future: the newest observation wins, so
 * one dated next year would hide every real push until then.
 */
export function rejectFutureObservedAt(observedAt: Date, now: Date): Date {
  if (observedAt.getTime() > now.getTime() + MAX_OBSERVED_AT_SKEW_MS) {
    throw new InputError(
      `observedAt ${observedAt.toISOString()} is more than ${
        MAX_OBSERVED_AT_SKEW_MS / 60000
      } minutes ahead of the server clock (${now.toISOString()})`,
    );
  }
  return observedAt;
}
