/**
 * Generators for the property-based tests of the HTTP API and actions: a
 * valid document with one thing broken (a field replaced by anything, left
 * out, or an unknown or prototype key added, at the top or one level down),
 * and the check every answer must pass.
 */
import fc from 'fast-check';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** Values of every JSON shape, including hostile ones. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '__proto__',
      'constructor',
      '/__proto__/polluted',
      'component:default/web',
      '1970-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      'not-a-date',
      -1,
      0,
      1e308,
      Number.MAX_SAFE_INTEGER,
      true,
      null,
      [],
      {},
    ),
  },
  {
    weight: 1,
    // Own keys named like the prototype chain (JSON.stringify keeps them).
    arbitrary: fc.dictionary(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted'),
      fc.jsonValue({ maxDepth: 1 }),
      { minKeys: 1 },
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 10_000, max: 200_000 })
      .map(n => 'x'.repeat(n)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 30, max: 200 }).map(depth => {
      let value: unknown = 1;
      for (let i = 0; i < depth; i++) value = { a: value };
      return value;
    }),
  },
);

export type Mutation = {
  body: unknown;
  /** The top-level field a 400 must name. */
  field: string;
};

const unknownKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

function withKey(target: Record<string, unknown>, key: string, value: unknown) {
  const copy = { ...target };
  Object.defineProperty(copy, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/**
 * `base` with one thing broken. `nested` names fields whose value is an
 * array of objects (or an object) to break one level down as well.
 */
export function mutated(
  base: Record<string, unknown>,
  nested: string[] = [],
): fc.Arbitrary<Mutation> {
  const fields = Object.keys(base);
  const inner = (field: string) => {
    const value = base[field];
    return Array.isArray(value) ? value[0] : value;
  };
  const wrap = (field: string, innerValue: unknown) =>
    Array.isArray(base[field]) ? [innerValue] : innerValue;
  const arbitraries: fc.Arbitrary<Mutation>[] = [
    fc.record({ field: fc.constantFrom(...fields), value: junk }).map(m => ({
      body: withKey(base, m.field, m.value),
      field: m.field,
    })),
    fc.constantFrom(...fields).map(field => {
      const { [field]: _dropped, ...rest } = base;
      return { body: rest, field };
    }),
    fc.record({ key: unknownKey, value: junk }).map(m => ({
      body: withKey(base, m.key, m.value),
      field: m.key,
    })),
    fc.constant({ body: base, field: '' }),
  ];
  if (nested.length > 0) {
    arbitraries.push(
      fc
        .record({
          field: fc.constantFrom(...nested),
          key: fc.oneof(
            unknownKey,
            fc.constantFrom(
              ...nested.flatMap(f =>
                Object.keys(inner(f) as Record<string, unknown>),
              ),
            ),
          ),
          value: junk,
        })
        .map(m => ({
          body: withKey(
            base,
            m.field,
            wrap(
              m.field,
              withKey(
                inner(m.field) as Record<string, unknown>,
                m.key,
                m.value,
              ),
            ),
          ),
          field: m.field,
        })),
    );
  }
  return fc.oneof(...arbitraries);
}

/** Answers seen, by status, for the figures. */
export class StatusTally {
  readonly counts = new Map<number, number>();

  add(status: number) {
    this.counts.set(status, (this.counts.get(status) ?? 0) + 1);
  }

  toString() {
    return [...this.counts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(', ');
  }
}

/**
 * What every answer to a generated input must be: no 5xx, and a 400 whose
 * message names the broken field (when one was broken).
 */
export function expectHandled(
  res: { status: number; body: any; text?: string },
  field: string,
) {
  const message = String(res.body?.error?.message ?? '');
  // As typed, escaped as a JSON pointer token (RFC 6901) in a path, or as
  // a JSON string in a list of issues.
  const names = [
    field,
    field.replace(/~/g, '~0').replace(/\//g, '~1'),
    JSON.stringify(field).slice(1, -1),
  ];
  if (
    res.status >= 500 ||
    (res.status === 400 && !names.some(name => message.includes(name)))
  ) {
    throw new Error(
      `answered ${res.status} for a broken ${JSON.stringify(
        field,
      )}: ${message.slice(0, 300)}`,
    );
  }
}
