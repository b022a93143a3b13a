import { diffLines, diffWordsWithSpace } from 'diff';

/** Which side of a difference a part of the text belongs to. */
export type DiffPart = { text: string; changed: boolean };

/** One line of a line diff: kept, only in Git (removed) or only live (added). */
export type DiffLine = { text: string; kind: 'same' | 'removed' | 'added' };

/**
 * A value as text to compare: strings as they are (a config file inside a
 * ConfigMap stays a file), anything else as pretty JSON; absent is empty.
 */
export function diffText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** True when either side is a string of several lines. */
export function isMultiLine(desired: unknown, live: unknown): boolean {
  return [desired, live].some(
    value => typeof value === 'string' && value.trimEnd().includes('\n'),
  );
}

/**
 * Both sides split into parts, the changed ones marked, for showing Git and
 * live side by side: word diff from the `diff` library.
 */
export function sideBySide(
  desired: string,
  live: string,
): { desired: DiffPart[]; live: DiffPart[] } {
  const changes = diffWordsWithSpace(desired, live);
  return {
    desired: changes
      .filter(change => !change.added)
      .map(change => ({ text: change.value, changed: change.removed })),
    live: changes
      .filter(change => !change.removed)
      .map(change => ({ text: change.value, changed: change.added })),
  };
}

/** A line diff of two texts (Git first), from the `diff` library. */
export function lineDiff(desired: string, live: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of diffLines(desired, live)) {
    let kind: DiffLine['kind'] = 'same';
    if (change.added) kind = 'added';
    if (change.removed) kind = 'removed';
    const text = change.value.endsWith('\n')
      ? change.value.slice(0, -1)
      : change.value;
    for (const line of text.split('\n')) {
      lines.push({ text: line, kind });
    }
  }
  return lines;
}
