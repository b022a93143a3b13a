/**
 * Kubernetes resource quantities (`1000m`, `0.5Gi`, `1e3`) compared by value
 * with exact rational arithmetic, so `0.5Gi` equals `512Mi` without floating
 * point surprises. Only applied under keys where quantities live.
 */

type Rational = { num: bigint; den: bigint };

const QUANTITY =
  /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

const DECIMAL_SUFFIX: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

const BINARY_SUFFIX: Record<string, number> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};

const MAX_EXPONENT = 400;

/** Parses a quantity (string or number) into an exact fraction, or undefined. */
export function parseQuantity(value: unknown): Rational | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      return undefined;
    }
    text = String(value);
  } else if (typeof value === 'string') {
    text = value;
  } else {
    return undefined;
  }
  const match = QUANTITY.exec(text);
  if (!match) {
    return undefined;
  }
  const [, sign, mantissa, exponentPart, suffix] = match;
  const dot = mantissa.indexOf('.');
  const integerDigits = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const fractionDigits = dot < 0 ? '' : mantissa.slice(dot + 1);
  let exponent = -fractionDigits.length;
  let binary = 0;
  if (exponentPart) {
    exponent += Number(exponentPart.slice(1));
  } else if (suffix) {
    if (suffix in BINARY_SUFFIX) {
      binary = BINARY_SUFFIX[suffix];
    } else {
      exponent += DECIMAL_SUFFIX[suffix];
    }
  }
  if (Math.abs(exponent) > MAX_EXPONENT) {
    return undefined;
  }
  let num = BigInt(`${integerDigits || '0'}${fractionDigits}`);
  if (sign === '-') {
    num = -num;
  }
  let den = 1n;
  if (exponent >= 0) {
    num *= 10n ** BigInt(exponent);
  } else {
    den = 10n ** BigInt(-exponent);
  }
  num *= 2n ** BigInt(binary);
  return { num, den };
}

/** True when both values are quantities of the same value. */
export function quantitiesEqual(a: unknown, b: unknown): boolean {
  const left = parseQuantity(a);
  if (!left) {
    return false;
  }
  const right = parseQuantity(b);
  if (!right) {
    return false;
  }
  return left.num * right.den === right.num * left.den;
}

const QUANTITY_KEYS = new Set([
  'resources',
  'limits',
  'requests',
  'capacity',
  'allocatable',
  'hard',
  'used',
  'storage',
  'walStorage',
  'sizeLimit',
  'overhead',
  'memory',
  'cpu',
  'ephemeral-storage',
]);

/**
 * Keys under which values are quantities: once a path passes through one of
 * them, scalars below compare by value.
 */
export function isQuantityKey(key: string): boolean {
  return QUANTITY_KEYS.has(key) || key.startsWith('hugepages-');
}
