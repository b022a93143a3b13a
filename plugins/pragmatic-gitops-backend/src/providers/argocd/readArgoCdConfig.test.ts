import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readArgoCdConfig } from './readArgoCdConfig';

function config(instances: JsonValue) {
  return new ConfigReader({ pragmaticGitops: { argocd: { instances } } });
}

const TOKEN = 'config-test-token-4f1c9';

describe('readArgoCdConfig', () => {
  it('returns no instances when the key is absent', () => {
    expect(readArgoCdConfig(new ConfigReader({}))).toEqual([]);
    expect(readArgoCdConfig(new ConfigReader({ pragmaticGitops: {} }))).toEqual(
      [],
    );
  });

  it('reads instances and applies defaults', () => {
    expect(
      readArgoCdConfig(
        config([
          {
            name: 'prod',
            baseUrl: 'https://argocd.example.com/',
            token: TOKEN,
          },
          {
            name: 'staging',
            baseUrl: 'http://example.com/argocd//',
            token: TOKEN,
            timeoutMs: 2500,
            concurrency: 8,
          },
        ]),
      ),
    ).toEqual([
      {
        name: 'prod',
        baseUrl: 'https://argocd.example.com',
        token: TOKEN,
        timeoutMs: 10000,
        concurrency: 4,
      },
      {
        name: 'staging',
        baseUrl: 'http://example.com/argocd',
        token: TOKEN,
        timeoutMs: 2500,
        concurrency: 8,
      },
    ]);
  });

  it.each([
    [
      'a non-http(s) baseUrl',
      [{ name: 'a', baseUrl: 'ftp://argocd.example.com', token: TOKEN }],
      /pragmaticGitops\.argocd\.instances\[0\]\.baseUrl'.*http or https/,
    ],
    [
      'a relative baseUrl',
      [{ name: 'a', baseUrl: 'argocd.example.com', token: TOKEN }],
      /pragmaticGitops\.argocd\.instances\[0\]\.baseUrl'.*absolute http\(s\) URL/,
    ],
    [
      'credentials in baseUrl',
      [{ name: 'a', baseUrl: 'https://u:p@argocd.example.com', token: TOKEN }],
      /instances\[0\]\.baseUrl'.*credentials/,
    ],
    [
      'a query in baseUrl',
      [{ name: 'a', baseUrl: 'https://argocd.example.com/?x=1', token: TOKEN }],
      /instances\[0\]\.baseUrl'.*query/,
    ],
    [
      'duplicate names',
      [
        { name: 'a', baseUrl: 'https://one.example.com', token: TOKEN },
        { name: 'a', baseUrl: 'https://two.example.com', token: TOKEN },
      ],
      /instances\[1\]\.name'.*duplicate instance name 'a'.*instances\[0\]/,
    ],
    [
      'a missing name',
      [{ baseUrl: 'https://argocd.example.com', token: TOKEN }],
      /instances\[0\]\.name'/,
    ],
    [
      'an empty name',
      [{ name: ' ', baseUrl: 'https://argocd.example.com', token: TOKEN }],
      /instances\[0\]\.name'.*must not be empty/,
    ],
    [
      'a missing token',
      [{ name: 'a', baseUrl: 'https://argocd.example.com' }],
      /instances\[0\]\.token'/,
    ],
    [
      'a missing baseUrl',
      [{ name: 'a', token: TOKEN }],
      /instances\[0\]\.baseUrl'/,
    ],
    [
      'a non-numeric timeoutMs',
      [
        {
          name: 'a',
          baseUrl: 'https://argocd.example.com',
          token: TOKEN,
          timeoutMs: 'soon',
        },
      ],
      /instances\[0\]\.timeoutMs'/,
    ],
    [
      'a zero concurrency',
      [
        {
          name: 'a',
          baseUrl: 'https://argocd.example.com',
          token: TOKEN,
          concurrency: 0,
        },
      ],
      /instances\[0\]\.concurrency'.*whole number between 1 and 64/,
    ],
    [
      'a fractional timeoutMs',
      [
        {
          name: 'a',
          baseUrl: 'https://argocd.example.com',
          token: TOKEN,
          timeoutMs: 1.5,
        },
      ],
      /instances\[0\]\.timeoutMs'.*whole number/,
    ],
    [
      'instances that are not a list',
      { name: 'a' },
      /pragmaticGitops\.argocd\.instances'/,
    ],
  ])('rejects %s with an error naming the key', (_, instances, message) => {
    expect(() => readArgoCdConfig(config(instances))).toThrow(message);
    expect(() => readArgoCdConfig(config(instances))).not.toThrow(TOKEN);
  });
});
