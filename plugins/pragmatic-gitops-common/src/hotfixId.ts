/**
 * Hotfix ids, `HF-<n>`: one rule for the backend, the back-port commit
 * finders and the scaffolder actions. `<n>` is the ledger's sequence
 * number: no leading zero, at most 15 digits so it is a safe integer.
 */
const HOTFIX_ID = /^HF-([1-9][0-9]{0,14})$/;
const WRITTEN_HOTFIX_ID = /^HF-0*([1-9][0-9]{0,14})$/i;

/**
 * `42` → `HF-42`.
 *
 * @public
 */
export function formatHotfixId(seq: number | string): string {
  return `HF-${Number(seq)}`;
}

/**
 * True for a hotfix id exactly as the ledger writes it (`HF-42`).
 *
 * @public
 */
export function isHotfixId(value: unknown): value is string {
  return typeof value === 'string' && HOTFIX_ID.test(value);
}

/**
 * `HF-42` → 42; undefined for anything that is not a hotfix id.
 *
 * @public
 */
export function hotfixSequence(value: string): number | undefined {
  const match = HOTFIX_ID.exec(value);
  return match ? Number(match[1]) : undefined;
}

/**
 * A hotfix id as people write it, in a commit trailer say (`hf-042`), in
 * the ledger's form (`HF-42`); undefined when it names no hotfix.
 *
 * @public
 */
export function normalizeHotfixId(value: string): string | undefined {
  const match = WRITTEN_HOTFIX_ID.exec(value);
  return match ? `HF-${match[1]}` : undefined;
}
