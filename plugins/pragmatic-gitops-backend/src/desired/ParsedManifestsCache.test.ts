import { ParsedManifestsCache } from './ParsedManifestsCache';

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: ${image}
`;

const imageOf = (parsed: ReturnType<ParsedManifestsCache['parse']>) =>
  (parsed.objects[0] as any).spec.template.spec.containers[0].image;

describe('ParsedManifestsCache', () => {
  it('answers the same files with the parse it already did', () => {
    const cache = new ParsedManifestsCache();
    const first = cache.parse([{ path: 'web.yaml', content: deployment('a') }]);
    const again = cache.parse([{ path: 'web.yaml', content: deployment('a') }]);
    expect(again).toBe(first);
    expect(imageOf(again)).toBe('a');
  });

  it('parses again when a file changes, is added or is renamed', () => {
    const cache = new ParsedManifestsCache();
    const first = cache.parse([{ path: 'web.yaml', content: deployment('a') }]);
    const changed = cache.parse([
      { path: 'web.yaml', content: deployment('b') },
    ]);
    expect(imageOf(changed)).toBe('b');
    const added = cache.parse([
      { path: 'web.yaml', content: deployment('a') },
      { path: 'more.yaml', content: deployment('c') },
    ]);
    expect(added.objects).toHaveLength(2);
    const renamed = cache.parse([
      { path: 'site.yaml', content: deployment('a') },
    ]);
    expect(renamed).not.toBe(first);
    expect(renamed.objectFiles).toEqual(['site.yaml']);
  });

  it('does not mistake moved text between files for the same tree', () => {
    const cache = new ParsedManifestsCache();
    const a = cache.parse([
      { path: 'a.yaml', content: 'x' },
      { path: 'b.yaml', content: deployment('a') },
    ]);
    const b = cache.parse([
      { path: 'a.yaml', content: `x${deployment('a')}` },
      { path: 'b.yaml', content: '' },
    ]);
    expect(b).not.toBe(a);
  });

  it('keeps results from being changed by one caller under another', () => {
    const cache = new ParsedManifestsCache();
    const parsed = cache.parse([
      { path: 'web.yaml', content: deployment('a') },
    ]);
    expect(() => {
      (parsed.objects[0].metadata as any).name = 'other';
    }).toThrow(TypeError);
  });

  it('forgets the least recently used entries beyond its size', () => {
    const cache = new ParsedManifestsCache(2);
    const file = (image: string) => [
      { path: 'web.yaml', content: deployment(image) },
    ];
    const a = cache.parse(file('a'));
    cache.parse(file('b'));
    expect(cache.parse(file('a'))).toBe(a); // a is now the most recent
    cache.parse(file('c')); // b goes
    expect(cache.size).toBe(2);
    expect(cache.parse(file('a'))).toBe(a);
  });

  it('answers a frozen list of frozen files by identity, and parses a changed unfrozen list again', () => {
    const cache = new ParsedManifestsCache();
    const frozen = Object.freeze([
      Object.freeze({ path: 'web.yaml', content: deployment('a') }),
    ]);
    const first = cache.parse(frozen);
    expect(cache.parse(frozen)).toBe(first);

    const open = [{ path: 'web.yaml', content: deployment('a') }];
    expect(imageOf(cache.parse(open))).toBe('a');
    open[0].content = deployment('b');
    expect(imageOf(cache.parse(open))).toBe('b');
  });
});
