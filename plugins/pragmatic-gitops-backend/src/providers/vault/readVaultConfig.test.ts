import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readVaultConfig } from './readVaultConfig';

const TOKEN = 'hvs.config-test-token-9b1e';

function config(instances: JsonValue) {
  return new ConfigReader({ pragmaticGitops: { vault: { instances } } });
}

describe('readVaultConfig', () => {
  it('returns no instances when the key is absent', () => {
    expect(readVaultConfig(new ConfigReader({}))).toEqual([]);
  });

  it('reads instances and applies defaults', () => {
    expect(
      readVaultConfig(
        config([
          {
            name: 'prod',
            baseUrl: 'https://vault.example.com:8200/',
            token: TOKEN,
          },
          {
            name: 'eu',
            baseUrl: 'http://example.com/vault//',
            token: ` ${TOKEN} `,
            kvMounts: ['/secret/', 'teams/payments/kv'],
            timeoutMs: 1500,
            namespace: 'platform',
          },
        ]),
      ),
    ).toEqual([
      {
        name: 'prod',
        baseUrl: 'https://vault.example.com:8200',
        token: TOKEN,
        kvMounts: ['secret', 'kv'],
        timeoutMs: 5000,
      },
      {
        name: 'eu',
        baseUrl: 'http://example.com/vault',
        token: TOKEN,
        kvMounts: ['secret', 'teams/payments/kv'],
        timeoutMs: 1500,
        namespace: 'platform',
      },
    ]);
  });

  it.each([
    [
      'a missing name',
      [{ baseUrl: 'https://v.example.com', token: TOKEN }],
      /instances\[0\]\.name'/,
    ],
    [
      'a duplicate name',
      [
        { name: 'a', baseUrl: 'https://v.example.com', token: TOKEN },
        { name: 'a', baseUrl: 'https://w.example.com', token: TOKEN },
      ],
      /instances\[1\]\.name'.*duplicate/,
    ],
    [
      'a non-http(s) baseUrl',
      [{ name: 'a', baseUrl: 'ftp://v.example.com', token: TOKEN }],
      /instances\[0\]\.baseUrl'.*http or https/,
    ],
    [
      'a baseUrl with credentials',
      [
        {
          name: 'a',
          baseUrl: `https://u:${TOKEN}@v.example.com`,
          token: TOKEN,
        },
      ],
      /instances\[0\]\.baseUrl'.*credentials/,
    ],
    [
      'a baseUrl with a query',
      [{ name: 'a', baseUrl: 'https://v.example.com?x=1', token: TOKEN }],
      /instances\[0\]\.baseUrl'.*query/,
    ],
    [
      'a relative baseUrl',
      [{ name: 'a', baseUrl: 'vault:8200', token: TOKEN }],
      /instances\[0\]\.baseUrl'/,
    ],
    [
      'a missing token',
      [{ name: 'a', baseUrl: 'https://v.example.com' }],
      /instances\[0\]\.token'/,
    ],
    [
      'a blank token',
      [{ name: 'a', baseUrl: 'https://v.example.com', token: '  ' }],
      /instances\[0\]\.token'.*empty/,
    ],
    [
      'a token with a line break',
      [
        {
          name: 'a',
          baseUrl: 'https://v.example.com',
          token: `${TOKEN}\nX-Evil: 1`,
        },
      ],
      /instances\[0\]\.token'.*line breaks/,
    ],
    [
      'empty kvMounts',
      [
        {
          name: 'a',
          baseUrl: 'https://v.example.com',
          token: TOKEN,
          kvMounts: [],
        },
      ],
      /instances\[0\]\.kvMounts'/,
    ],
    [
      'a kvMount with ..',
      [
        {
          name: 'a',
          baseUrl: 'https://v.example.com',
          token: TOKEN,
          kvMounts: ['secret', '../sys'],
        },
      ],
      /instances\[0\]\.kvMounts\[1\]'/,
    ],
    [
      'kvMounts not a list',
      [
        {
          name: 'a',
          baseUrl: 'https://v.example.com',
          token: TOKEN,
          kvMounts: 'secret',
        },
      ],
      /instances\[0\]\.kvMounts'/,
    ],
    [
      'a zero timeout',
      [
        {
          name: 'a',
          baseUrl: 'https://v.example.com',
          token: TOKEN,
          timeoutMs: 0,
        },
      ],
      /instances\[0\]\.timeoutMs'.*whole number/,
    ],
    [
      'a fractional timeout',
      [
        {
          name: 'a',
          baseUrl: 'https://v.example.com',
          token: TOKEN,
          timeoutMs: 1.5,
        },
      ],
      /instances\[0\]\.timeoutMs'/,
    ],
    [
      'a namespace that is not a string',
      [
        {
          name: 'a',
          baseUrl: 'https://v.example.com',
          token: TOKEN,
          namespace: 3,
        },
      ],
      /instances\[0\]\.namespace'/,
    ],
    [
      'instances not a list',
      { name: 'a' },
      /pragmaticGitops\.vault\.instances'/,
    ],
  ])(
    'rejects %s, naming the key and never the token',
    (_, instances, pattern) => {
      let error: unknown;
      try {
        readVaultConfig(config(instances as JsonValue));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(pattern);
      expect((error as Error).message).toMatch(
        /^Invalid Vault configuration at 'pragmaticGitops\.vault\.instances/,
      );
      expect((error as Error).message).not.toContain(TOKEN);
    },
  );
});
