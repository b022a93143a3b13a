/**
 * Collects items and hands them to `write` in batches of `size`, one write
 * at a time, as soon as a batch is full: callers never wait for a slow
 * sibling, only for the write their item went out with.
 */
export class BatchWriter<T> {
  private pending: T[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly size: number,
    private readonly write: (items: T[]) => Promise<void>,
  ) {}

  /**
   * Resolves at once, except for the item that fills a batch: that caller
   * waits for the batch to be written, so producers keep the writer's pace.
   */
  async add(item: T): Promise<void> {
    this.pending.push(item);
    if (this.pending.length >= this.size) {
      await this.flush();
    }
  }

  /** Writes what is pending; resolves after every earlier write. */
  async flush(): Promise<void> {
    const items = this.pending;
    this.pending = [];
    const previous = this.writing;
    this.writing = (async () => {
      // Its caller saw that failure; this batch is written regardless.
      await previous.catch(() => undefined);
      if (items.length > 0) await this.write(items);
    })();
    await this.writing;
  }
}
