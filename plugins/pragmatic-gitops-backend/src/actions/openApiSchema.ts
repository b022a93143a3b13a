/**
 * Zod schemas of the actions' outputs, built from the plugin's OpenAPI spec
 * (`src/schema/openapi.yaml`): an action answers with the same shapes as
 * the REST API, so both are described in one place and cannot drift apart.
 * Covers the JSON Schema the spec uses: types, properties, required,
 * items, enum, $ref, oneOf, additionalProperties, descriptions and
 * string/array bounds.
 */
import type { AnyZodObject, ZodTypeAny } from 'zod/v3';
import { spec } from '../schema/openapi/generated';
import type { Zod } from './schemas';

type JsonSchema = {
  $ref?: string;
  type?: string;
  description?: string;
  enum?: readonly unknown[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: readonly JsonSchema[];
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
};

/** Names of the spec's component schemas. */
export type SchemaName = keyof typeof spec.components.schemas;

export type FromSpecOptions = {
  /** Objects refuse fields the spec does not name (tests); by default they are dropped. */
  strict?: boolean;
};

const REF_PREFIX = '#/components/schemas/';

function component(name: string): JsonSchema {
  const schemas = spec.components.schemas as Record<string, JsonSchema>;
  const schema = schemas[name];
  if (!schema) {
    throw new Error(`The OpenAPI spec has no schema ${name}`);
  }
  return schema;
}

function stringSchema(z: Zod, schema: JsonSchema): ZodTypeAny {
  if (schema.enum) {
    return z.enum(schema.enum as [string, ...string[]]);
  }
  let result = z.string();
  if (schema.minLength !== undefined) result = result.min(schema.minLength);
  if (schema.maxLength !== undefined) result = result.max(schema.maxLength);
  if (schema.pattern !== undefined) {
    result = result.regex(new RegExp(schema.pattern));
  }
  return result;
}

function objectSchema(
  z: Zod,
  schema: JsonSchema,
  options: FromSpecOptions,
): ZodTypeAny {
  const { properties, additionalProperties } = schema;
  if (!properties) {
    return z.record(
      typeof additionalProperties === 'object'
        ? convert(z, additionalProperties, options)
        : z.unknown(),
    );
  }
  const required = new Set(schema.required ?? []);
  const shape = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => {
      const value = convert(z, property, options);
      return [key, required.has(key) ? value : value.optional()];
    }),
  );
  const object = z.object(shape);
  if (additionalProperties === true) {
    return object.passthrough();
  }
  return options.strict || additionalProperties === false
    ? object.strict()
    : object;
}

function oneOfSchema(
  z: Zod,
  schemas: readonly JsonSchema[],
  options: FromSpecOptions,
): ZodTypeAny {
  const nullable = schemas.some(s => s.type === 'null');
  const others = schemas
    .filter(s => s.type !== 'null')
    .map(s => convert(z, s, options));
  const inner =
    others.length === 1
      ? others[0]
      : z.union(others as [ZodTypeAny, ZodTypeAny, ...ZodTypeAny[]]);
  return nullable ? inner.nullable() : inner;
}

function convert(
  z: Zod,
  schema: JsonSchema,
  options: FromSpecOptions,
): ZodTypeAny {
  let result: ZodTypeAny;
  if (schema.$ref) {
    result = convert(
      z,
      component(schema.$ref.slice(REF_PREFIX.length)),
      options,
    );
  } else if (schema.oneOf) {
    result = oneOfSchema(z, schema.oneOf, options);
  } else if (schema.type === 'object') {
    result = objectSchema(z, schema, options);
  } else if (schema.type === 'array') {
    let array = z.array(
      schema.items ? convert(z, schema.items, options) : z.unknown(),
    );
    if (schema.maxItems !== undefined) array = array.max(schema.maxItems);
    result = array;
  } else if (schema.type === 'string') {
    result = stringSchema(z, schema);
  } else if (schema.type === 'integer') {
    result = z.number().int();
  } else if (schema.type === 'number') {
    result = z.number();
  } else if (schema.type === 'boolean') {
    result = z.boolean();
  } else if (schema.type === 'null') {
    result = z.null();
  } else {
    result = z.unknown(); // `{}`: any JSON value
  }
  return schema.description ? result.describe(schema.description) : result;
}

/** The zod schema of one of the spec's component schemas. */
export function fromSpec(
  z: Zod,
  name: SchemaName,
  options: FromSpecOptions = {},
): ZodTypeAny {
  return convert(z, component(name), options);
}

/** The zod schema of an object schema of the spec (what an action's output must be). */
export function objectFromSpec(
  z: Zod,
  name: SchemaName,
  options: FromSpecOptions = {},
): AnyZodObject {
  const schema = fromSpec(z, name, options);
  if (!(schema instanceof z.ZodObject)) {
    throw new Error(`The OpenAPI schema ${name} is not an object`);
  }
  return schema;
}
