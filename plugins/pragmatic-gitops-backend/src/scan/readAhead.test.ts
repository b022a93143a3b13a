import { readAhead } from './readAhead';

describe('readAhead', () => {
  it('asks for the next item while the consumer works on the current one', async () => {
    const log: string[] = [];
    async function* pages() {
      for (const page of ['a', 'b', 'c']) {
        log.push(`fetch ${page}`);
        yield page;
      }
    }
    for await (const page of readAhead(pages())) {
      log.push(`scan ${page}`);
    }
    expect(log).toEqual([
      'fetch a',
      'fetch b',
      'scan a',
      'fetch c',
      'scan b',
      'scan c',
    ]);
  });

  it('hands a failure of the next item to the consumer after the current one', async () => {
    async function* pages() {
      yield 'a';
      throw new Error('catalog unavailable');
    }
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const page of readAhead(pages())) seen.push(page);
      })(),
    ).rejects.toThrow('catalog unavailable');
    expect(seen).toEqual(['a']);
  });
});
