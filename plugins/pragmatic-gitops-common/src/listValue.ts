/** Splits a comma- or newline-separated annotation value into trimmed, non-empty entries. */
export function splitListValue(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map(entry => entry.trim())
    .filter(entry => entry.length > 0);
}
