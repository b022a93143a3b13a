/**
 * Yields what `source` yields, asking it for the next item while the
 * consumer works on the current one: the catalog's next page of entities
 * arrives while this one is scanned.
 */
export async function* readAhead<T>(
  source: AsyncIterable<T>,
): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    let next = iterator.next();
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = iterator.next();
      // Awaited once the consumer is done with this item; a failure until
      // then is not an unhandled rejection.
      next.catch(() => undefined);
      yield result.value;
    }
  } finally {
    await iterator.return?.();
  }
}
