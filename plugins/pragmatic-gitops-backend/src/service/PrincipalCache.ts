import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { principalKey } from './principalKey';

const DEFAULT_MAX_ENTRIES = 10_000;

type Entry<T> = { value: Promise<T>; expires: number };

/**
 * Answers the catalog or the permission policy gave one principal, reused by
 * that principal alone for a short time (never by another principal).
 * Concurrent loads of one key share one promise; a load that fails, or whose
 * answer `keep` refuses, is forgotten at once, so it is asked again next time.
 * Entries are dropped oldest first beyond `maxEntries`. A TTL of 0 caches
 * nothing.
 */
export class PrincipalCache<T> {
  // Every entry lives equally long, so insertion order is expiry order.
  private readonly entries = new Map<string, Entry<T>>();
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries?: number;
      /** Injectable for tests; milliseconds. */
      now?: () => number;
      /** Whether an answer may be reused; default: every answer. */
      keep?: (value: T) => boolean;
    },
  ) {
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  get(
    credentials: BackstageCredentials,
    key: string,
    load: () => Promise<T>,
  ): Promise<T> {
    if (this.options.ttlMs <= 0) {
      return load();
    }
    const id = `${principalKey(credentials)}\n${key}`;
    // Counted from before the load: an answer is never older than the TTL.
    const now = this.now();
    const cached = this.entries.get(id);
    if (cached && cached.expires > now) {
      return cached.value;
    }
    this.entries.delete(id);
    this.evict(now);
    const entry: Entry<T> = {
      value: load(),
      expires: now + this.options.ttlMs,
    };
    this.entries.set(id, entry);
    const { keep } = this.options;
    entry.value.then(
      value => {
        if (keep && !keep(value)) this.forget(id, entry);
      },
      () => this.forget(id, entry),
    );
    return entry.value;
  }

  private forget(id: string, entry: Entry<T>) {
    if (this.entries.get(id) === entry) this.entries.delete(id);
  }

  private evict(now: number) {
    for (const [id, entry] of this.entries) {
      if (entry.expires > now && this.entries.size < this.maxEntries) return;
      this.entries.delete(id);
    }
  }
}
