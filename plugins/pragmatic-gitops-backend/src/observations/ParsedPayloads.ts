import { LRUCache } from 'lru-cache';
import { deepFreeze } from '../desired/deepFreeze';

const DEFAULT_ENTRIES = 10_000;

/**
 * The last stored payload of each observation stream, parsed. Agents push
 * the same state again and again; a row whose payload is the very text
 * parsed before (compared in full, so nothing else is trusted) is answered
 * with that parse. Results are shared between computations, hence frozen.
 * The least recently used streams go first once `maxEntries` are held.
 */
export class ParsedPayloads {
  private readonly entries: LRUCache<
    string,
    { payload: string; parsed: Record<string, any> }
  >;

  constructor(maxEntries = DEFAULT_ENTRIES) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  /** `stream`: which stream the payload is the latest of. */
  parse(stream: string, payload: string): Record<string, any> {
    const cached = this.entries.get(stream);
    if (cached?.payload === payload) {
      return cached.parsed;
    }
    const parsed = deepFreeze(JSON.parse(payload));
    this.entries.set(stream, { payload, parsed });
    return parsed;
  }
}
