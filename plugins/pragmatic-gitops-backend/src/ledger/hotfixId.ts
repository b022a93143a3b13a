import { InputError } from '@backstage/errors';
import { hotfixSequence } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';

/** `HF-42` (or the sequence number 42) → 42; anything else is a 400 naming the field. */
export function parseHotfixId(value: string | number, field = 'id'): number {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value > 0) return value;
  } else {
    const seq = hotfixSequence(value);
    if (seq !== undefined) return seq;
  }
  throw new InputError(
    `${field} ${JSON.stringify(value)} is not a hotfix id such as HF-42`,
  );
}
