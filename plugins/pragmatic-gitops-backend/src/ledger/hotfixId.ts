import { InputError } from '@backstage/errors';

const HOTFIX_ID = /^HF-([1-9][0-9]{0,14})$/;

/** `42` → `HF-42`. */
export function formatHotfixId(seq: number | string): string {
  return `HF-${Number(seq)}`;
}

/** True when the value looks like `HF-<n>`. */
export function isHotfixId(value: string): boolean {
  return HOTFIX_ID.test(value);
}

/** `HF-42` → 42; anything else is a 400 naming the field. */
export function parseHotfixId(value: string | number, field = 'id'): number {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value > 0) return value;
  } else {
    const match = HOTFIX_ID.exec(value);
    if (match) return Number(match[1]);
  }
  throw new InputError(
    `${field} ${JSON.stringify(value)} is not a hotfix id such as HF-42`,
  );
}
