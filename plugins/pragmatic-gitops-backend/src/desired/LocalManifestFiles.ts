import { BigIntStats, readdirSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { DesiredStateUnavailableError } from './DesiredStateUnavailableError';
import { SourceFile, isManifestFile } from './parseManifests';

export const MAX_FILES = 2000;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
const DEFAULT_ENTRIES = 10_000;
/**
 * A file changed less than this long before it was looked at is read again
 * next time: timestamps are coarse (a kernel tick, two seconds on FAT), so
 * two writes of the same size within one tick would look alike.
 */
const SETTLED_MS = 3_000;

type BigStats = BigIntStats;

/** Manifest and migration files: what a source directory is read for. */
export function isReadable(filePath: string): boolean {
  return isManifestFile(filePath) || /\.sql$/i.test(filePath);
}

/**
 * Reads the manifest files of local (`dir:`) source directories. Every push
 * and every scan reads the same directories again; a directory whose files
 * all have the inode, size, modification and change times of the last read
 * is answered with the texts read then (the same array, so parsing them is
 * looked up by identity). Anything else reads every file again: a listed
 * file added, removed or renamed, any of those times moved (even set back,
 * since that moves the change time), or a file changed within
 * `SETTLED_MS` of being read. The least recently used directories go first
 * once `maxEntries` are held.
 *
 * Listing and looking at the files is synchronous: on a local checkout each
 * takes microseconds, several times less than the promise machinery of the
 * asynchronous calls (this runs on every push and scan). Reading them stays
 * asynchronous.
 */
export class LocalManifestFiles {
  private readonly entries: LRUCache<
    string,
    { signature: string; files: SourceFile[] }
  >;

  constructor(
    private readonly options: { maxEntries?: number; now?: () => number } = {},
  ) {
    this.entries = new LRUCache({ max: options.maxEntries ?? DEFAULT_ENTRIES });
  }

  /** `root`: a real directory; `name`: how the source is shown (never the host path). */
  async read(
    root: string,
    name: string,
  ): Promise<{ files: SourceFile[]; paths: string[] }> {
    const lookedAt = (this.options.now ?? Date.now)();
    const paths = listFiles(root, name);
    const manifests = paths.filter(isManifestFile);
    const stats = manifests.map(relative => statManifest(root, relative));
    const signature = manifests
      .map((relative, i) => `${relative}\0${fingerprint(stats[i])}`)
      .join('\n');
    const cached = this.entries.get(root);
    if (cached?.signature === signature) {
      return { files: cached.files, paths };
    }
    const files: SourceFile[] = [];
    for (const relative of manifests) {
      files.push(
        Object.freeze({
          path: relative,
          content: await readManifest(root, relative),
        }),
      );
    }
    Object.freeze(files);
    this.entries.delete(root);
    if (stats.every(stat => settledBefore(stat, lookedAt))) {
      this.entries.set(root, { signature, files });
    }
    return { files, paths };
  }
}

function fingerprint(stat: BigStats): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

function settledBefore(stat: BigStats, lookedAt: number): boolean {
  const latest = stat.ctimeMs > stat.mtimeMs ? stat.ctimeMs : stat.mtimeMs;
  return Number(latest) < lookedAt - SETTLED_MS;
}

function unreadable(relative: string, error: unknown): never {
  if (error instanceof DesiredStateUnavailableError) throw error;
  throw new DesiredStateUnavailableError(
    `${relative} cannot be read: ${
      (error as NodeJS.ErrnoException).code ?? (error as Error).message
    }`,
  );
}

function statManifest(root: string, relative: string): BigStats {
  let stat: BigStats;
  try {
    stat = statSync(path.join(root, relative), { bigint: true });
  } catch (error) {
    return unreadable(relative, error);
  }
  if (stat.size > BigInt(MAX_FILE_BYTES)) {
    throw new DesiredStateUnavailableError(
      `${relative} is larger than ${MAX_FILE_BYTES} bytes`,
    );
  }
  return stat;
}

/** One manifest of a local source; unreadable or oversized files say why. */
async function readManifest(root: string, relative: string): Promise<string> {
  try {
    return await fs.readFile(path.join(root, relative), 'utf8');
  } catch (error) {
    return unreadable(relative, error);
  }
}

function listFiles(root: string, name: string): string[] {
  let entries;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new DesiredStateUnavailableError(
      `Source directory ${name} cannot be read: ${
        (error as NodeJS.ErrnoException).code ?? (error as Error).message
      }`,
    );
  }
  const paths = entries
    .filter(entry => entry.isFile())
    .map(entry => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter(relative => isReadable(relative))
    .map(relative => relative.split(path.sep).join('/'));
  if (paths.length > MAX_FILES) {
    throw new DesiredStateUnavailableError(
      `${name} holds ${paths.length} manifest files, more than the ${MAX_FILES} allowed`,
    );
  }
  return paths;
}
