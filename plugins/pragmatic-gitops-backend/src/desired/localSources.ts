/**
 * Where a `dir:` source location may point. A catalog file is written by
 * whoever can commit to its repository, so its `dir:` may name directories
 * of that repository only: the Git working tree holding the catalog file
 * (its own directory when it is in none), or a root the operator listed in
 * `pragmaticGitops.localSources.roots`. Under a `url:` catalog location the
 * same rule holds for the repository (and ref) of the catalog file.
 * Refusals name the annotation and the target as written, never a host path.
 */
import { ANNOTATION_SOURCE_LOCATION } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { realpathSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DesiredStateUnavailableError } from './DesiredStateUnavailableError';

const ROOTS_KEY = 'pragmaticGitops.localSources.roots';

function refuse(target: string, why: string): never {
  throw new DesiredStateUnavailableError(
    `${ANNOTATION_SOURCE_LOCATION} dir:${target} ${why}`,
  );
}

function isInside(child: string, root: string): boolean {
  const relative = path.relative(root, child);
  return (
    relative === '' ||
    (!relative.startsWith('..') && !path.isAbsolute(relative))
  );
}

async function realpathOrUndefined(p: string): Promise<string | undefined> {
  try {
    return await fs.realpath(p);
  } catch {
    return undefined;
  }
}

/**
 * The same, without a round trip through the thread pool: resolving a path
 * of a local checkout takes microseconds, several times less than the
 * promise machinery around the asynchronous call (on every push and scan).
 */
function realpathNowOrUndefined(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** Refuses absolute paths and URLs: a `dir:` target is relative to its catalog file. */
function requireRelative(target: string): void {
  if (
    path.isAbsolute(target) ||
    path.win32.isAbsolute(target) ||
    /^[a-z][a-z0-9+.-]*:/i.test(target)
  ) {
    // Not echoed: an absolute target is a host path.
    throw new DesiredStateUnavailableError(
      `${ANNOTATION_SOURCE_LOCATION} names an absolute dir: target; dir: targets are relative to the catalog file`,
    );
  }
}

/** Resolves `dir:` targets of file catalog locations inside their allowed roots. */
export class LocalSourceRoots {
  private readonly workingTrees = new Map<string, Promise<string>>();
  /** Roots as real paths, resolved once like the working trees (a root that does not exist is asked again). */
  private readonly realRoots = new Map<string, string>();

  /** `roots`: from config, relative to the working directory of the backend. */
  constructor(private readonly roots: string[] = []) {}

  /** The real directory `target` names, relative to the catalog file. */
  async resolveDir(catalogFile: string, target: string): Promise<string> {
    requireRelative(target);
    const catalogDir = path.dirname(path.resolve(catalogFile));
    const roots = [
      await this.workingTreeOf(catalogDir),
      ...this.roots.map(root => path.resolve(root)),
    ];
    const leaves = () =>
      refuse(
        target,
        `leaves the repository of its catalog file; dir: sources must stay inside the Git working tree holding the catalog file (its directory when there is none) or a root listed in ${ROOTS_KEY}`,
      );
    // Checked as written first, so nothing outside is even looked at...
    const lexical = path.resolve(catalogDir, target);
    if (!roots.some(root => isInside(lexical, root))) {
      leaves();
    }
    const real = realpathNowOrUndefined(lexical);
    if (!real) {
      refuse(target, 'cannot be read: no such directory');
    }
    // ...then with symbolic links resolved, so none can lead out of a root.
    const realRoots = await Promise.all(roots.map(root => this.realRoot(root)));
    if (!realRoots.some(root => root && isInside(real, root))) {
      leaves();
    }
    return real;
  }

  private async realRoot(root: string): Promise<string | undefined> {
    let real = this.realRoots.get(root);
    if (real === undefined) {
      real = await realpathOrUndefined(root);
      if (real !== undefined) this.realRoots.set(root, real);
    }
    return real;
  }

  /** The nearest ancestor holding `.git` (a directory, or a file in worktrees), else `dir`. */
  private workingTreeOf(dir: string): Promise<string> {
    let found = this.workingTrees.get(dir);
    if (!found) {
      found = (async () => {
        for (let current = dir; ; current = path.dirname(current)) {
          if (await realpathOrUndefined(path.join(current, '.git'))) {
            return current;
          }
          if (path.dirname(current) === current) {
            return dir;
          }
        }
      })();
      this.workingTrees.set(dir, found);
    }
    return found;
  }
}

/**
 * The part of a file URL that names its repository and ref
 * (`https://github.com/org/repo/blob/main/`, GitLab's `/-/blob/<ref>/`,
 * Bitbucket's `/src/<ref>/`), or the file's directory for shapes not known.
 */
function repositoryPrefix(url: URL): string {
  const segments = url.pathname.split('/');
  const at = segments.findIndex(
    (segment, i) => i > 2 && ['tree', 'blob', 'src', 'raw'].includes(segment),
  );
  if (at > 0 && at + 2 < segments.length) {
    return `${url.origin}${segments.slice(0, at + 2).join('/')}/`;
  }
  return new URL('./', url).href;
}

/** The URL of `target` relative to a catalog file read from an SCM, inside the same repository. */
export function resolveDirUrl(catalogUrl: string, target: string): string {
  requireRelative(target);
  const base = new URL(catalogUrl);
  const resolved = new URL(target.replace(/\/?$/, '/'), base);
  const prefix = repositoryPrefix(base);
  if (resolved.origin !== base.origin || !resolved.href.startsWith(prefix)) {
    refuse(
      target,
      'leaves the repository of its catalog file; dir: under a url: catalog location must stay in the same repository and ref',
    );
  }
  return resolved.href;
}
