import { mockCredentials } from '@backstage/backend-test-utils';
import { PrincipalCache } from './PrincipalCache';

const alice = mockCredentials.user('user:default/alice');

describe('PrincipalCache', () => {
  it('shares one load between concurrent reads of a key', async () => {
    const cache = new PrincipalCache<number>({ ttlMs: 1000, now: () => 0 });
    let loads = 0;
    const load = async () => ++loads;
    expect(
      await Promise.all([
        cache.get(alice, 'k', load),
        cache.get(alice, 'k', load),
      ]),
    ).toEqual([1, 1]);
    expect(loads).toBe(1);
  });

  it('drops the oldest entries beyond its size', async () => {
    const cache = new PrincipalCache<string>({
      ttlMs: 1000,
      maxEntries: 2,
      now: () => 0,
    });
    let loads = 0;
    const load = (key: string) => async () => {
      loads++;
      return key;
    };
    for (const key of ['a', 'b', 'c']) await cache.get(alice, key, load(key));
    expect(loads).toBe(3);
    await cache.get(alice, 'c', load('c'));
    await cache.get(alice, 'b', load('b'));
    expect(loads).toBe(3);
    await cache.get(alice, 'a', load('a'));
    expect(loads).toBe(4);
  });
});
