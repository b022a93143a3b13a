import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { deepFreeze } from './deepFreeze';
import { ParsedManifests, SourceFile, parseManifests } from './parseManifests';

const DEFAULT_ENTRIES = 10_000;

/**
 * Parsed manifests by the content of their files: every push and every scan
 * reads the same sources again, and parsing YAML is most of what reading
 * them costs. The key is a digest of every file's path and text, so a
 * changed, added or removed file parses again; nothing is trusted from
 * timestamps. Results are shared between callers, hence frozen. The least
 * recently used entries go first once `maxEntries` are held.
 */
export class ParsedManifestsCache {
  private readonly entries: LRUCache<string, ParsedManifests>;
  /** Frozen file lists handed in before (`LocalManifestFiles` answers unchanged directories with the same one). */
  private readonly byList = new WeakMap<
    readonly SourceFile[],
    ParsedManifests
  >();

  constructor(maxEntries = DEFAULT_ENTRIES) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  parse(files: readonly SourceFile[]): ParsedManifests {
    // A frozen list of frozen files cannot have changed since it was parsed:
    // no need to hash it again.
    const frozen = Object.isFrozen(files) && files.every(Object.isFrozen);
    const known = frozen ? this.byList.get(files) : undefined;
    if (known) {
      return known;
    }
    const parsed = this.parseByContent(files);
    if (frozen) {
      this.byList.set(files, parsed);
    }
    return parsed;
  }

  private parseByContent(files: readonly SourceFile[]): ParsedManifests {
    const hash = createHash('sha256');
    for (const file of [...files].sort((a, b) =>
      a.path.localeCompare(b.path),
    )) {
      hash.update(`${file.path.length}:${file.path}`);
      hash.update(`${Buffer.byteLength(file.content)}:`);
      hash.update(file.content);
    }
    const key = hash.digest('base64');
    const cached = this.entries.get(key);
    if (cached) {
      return cached;
    }
    const parsed = deepFreeze(parseManifests(files));
    this.entries.set(key, parsed);
    return parsed;
  }

  get size(): number {
    return this.entries.size;
  }
}
