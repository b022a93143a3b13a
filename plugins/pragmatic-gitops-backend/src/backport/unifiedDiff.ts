/**
 * A patch to copy, for sources the product cannot push to (`dir:`): one
 * unified diff of every changed file, paths relative to the source root in
 * `git diff` form, so `git apply` takes it from the repository root.
 */
import { createTwoFilesPatch } from 'diff';

export type ChangedFile = { path: string; before: string; after: string };

export function unifiedDiff(files: ChangedFile[]): string {
  return files
    .filter(file => file.before !== file.after)
    .map(file =>
      createTwoFilesPatch(
        `a/${file.path}`,
        `b/${file.path}`,
        file.before,
        file.after,
        undefined,
        undefined,
        { context: 3 },
      )
        // diff's own `===` separator line: git does not need it.
        .replace(/^=+\n/, ''),
    )
    .join('');
}
