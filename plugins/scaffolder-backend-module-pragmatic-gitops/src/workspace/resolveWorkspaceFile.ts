import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';

/**
 * Resolves a path given by a template to an existing regular file inside the
 * task workspace. Paths that leave the workspace, directly or through a
 * symbolic link, are rejected, as are missing files and directories.
 *
 * @param field - the input field the path came from, named in errors
 * @returns the real path of the file
 */
export async function resolveWorkspaceFile(
  workspacePath: string,
  filePath: string,
  field: string,
): Promise<string> {
  const target = insideWorkspace(workspacePath, filePath, field);

  let stat;
  try {
    stat = await fs.stat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InputError(
        `Invalid input ${field}: ${JSON.stringify(
          filePath,
        )} does not exist in the workspace; fetch it first, for example with fetch:template`,
      );
    }
    throw error;
  }
  if (!stat.isFile()) {
    throw new InputError(
      `Invalid input ${field}: ${JSON.stringify(filePath)} is not a file`,
    );
  }

  const realTarget = await fs.realpath(target);
  const realWorkspace = await fs.realpath(workspacePath);
  return insideWorkspace(realWorkspace, realTarget, field, filePath);
}

function insideWorkspace(
  workspacePath: string,
  path: string,
  field: string,
  given: string = path,
): string {
  try {
    return resolveSafeChildPath(workspacePath, path);
  } catch {
    throw new InputError(
      `Invalid input ${field}: ${JSON.stringify(
        given,
      )} points outside the workspace; give a path relative to the workspace`,
    );
  }
}
