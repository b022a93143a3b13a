import { digestValue, stableStringify } from './digest';

describe('stableStringify', () => {
  it.each([
    [
      { b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } },
      '{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}',
    ],
    [{ a: undefined, b: 'x' }, '{"b":"x"}'],
    [[undefined, NaN, Infinity], '[null,null,null]'],
    [undefined, 'null'],
    ['text', '"text"'],
    [BigInt(12), '"12"'],
  ])('%p → %s', (value, text) => {
    expect(stableStringify(value)).toBe(text);
  });
});

describe('digestValue', () => {
  it('ignores key order and tells values apart', () => {
    expect(digestValue({ a: 1, b: [1, 2] })).toBe(
      digestValue({ b: [1, 2], a: 1 }),
    );
    expect(digestValue({ a: 1 })).not.toBe(digestValue({ a: '1' }));
    expect(digestValue([1, 2])).not.toBe(digestValue([2, 1]));
  });

  it('is a sha256 that does not contain the value', () => {
    const digest = digestValue({ password: 'hunter2-canary' });
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(digest).not.toContain('hunter2');
  });
});
