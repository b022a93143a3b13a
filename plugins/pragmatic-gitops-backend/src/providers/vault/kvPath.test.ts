import { metadataUrl, splitKvKey } from './kvPath';

const MOUNTS = ['secret', 'kv', 'teams/payments/kv'];

describe('splitKvKey', () => {
  it.each([
    [
      'kv/data/payments/db',
      { mount: 'kv', path: 'payments/db', folder: false },
    ],
    ['kv/payments/db', { mount: 'kv', path: 'payments/db', folder: false }],
    [
      '/secret/metadata/payments/db',
      { mount: 'secret', path: 'payments/db', folder: false },
    ],
    ['secret/data/data/x', { mount: 'secret', path: 'data/x', folder: false }],
    [
      'teams/payments/kv/data/api',
      { mount: 'teams/payments/kv', path: 'api', folder: false },
    ],
    ['kv/payments/', { mount: 'kv', path: 'payments', folder: true }],
  ])('splits %s', (key, expected) => {
    expect(splitKvKey(key, MOUNTS)).toEqual(expected);
  });

  it.each([
    'database/creds/payments',
    'kv',
    'kv/',
    'kv/data/',
    'kv/payments/../../sys/seal',
    'kv/./x',
    'kv//x',
    'kvx/payments',
    'kv/a\u0000b',
  ])('refuses %j', key => {
    expect(splitKvKey(key, MOUNTS)).toBeUndefined();
  });
});

describe('metadataUrl', () => {
  it('builds only the metadata endpoint, encoding each segment', () => {
    expect(
      metadataUrl('https://vault.example.com:8200', {
        mount: 'kv',
        path: 'pay ments/db?x#y',
        folder: false,
      }),
    ).toBe(
      'https://vault.example.com:8200/v1/kv/metadata/pay%20ments/db%3Fx%23y',
    );
    expect(
      metadataUrl('https://example.com/vault', {
        mount: 'teams/payments/kv',
        path: 'api',
        folder: true,
      }),
    ).toBe(
      'https://example.com/vault/v1/teams/payments/kv/metadata/api/?list=true',
    );
  });

  it('keeps encoded dot segments inside the endpoint', () => {
    const url = new URL(
      metadataUrl('https://v.example.com', {
        mount: 'kv',
        path: '%2e%2e/x',
        folder: false,
      }),
    );
    expect(url.pathname).toBe('/v1/kv/metadata/%252e%252e/x');
  });
});
