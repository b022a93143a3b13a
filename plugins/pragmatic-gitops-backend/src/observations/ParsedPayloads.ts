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
  private readonly entries = new Map<
    string,
    { payload: string; parsed: Record<string, any> }
  >();

  constructor(private readonly maxEntries = DEFAULT_ENTRIES) {}

  /** `stream`: which stream the payload is the latest of. */
  parse(stream: string, payload: string): Record<string, any> {
    const cached = this.entries.get(stream);
    this.entries.delete(stream);
    if (cached?.payload === payload) {
      // Most recently used last.
      this.entries.set(stream, cached);
      return cached.parsed;
    }
    const parsed = deepFreeze(JSON.parse(payload));
    this.entries.set(stream, { payload, parsed });
    if (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return parsed;
  }
}
