import { scmSourceOf } from './scmSource';

describe('scmSourceOf', () => {
  it.each([
    [
      'https://github.com/acme/deploy/tree/main/apps/payments',
      'github',
      { owner: 'acme', repo: 'deploy', ref: 'main', path: 'apps/payments' },
    ],
    [
      'https://github.com/acme/deploy.git',
      'github',
      { owner: 'acme', repo: 'deploy', path: '' },
    ],
    [
      'https://ghe.example.com/acme/deploy/blob/release/k8s',
      'github',
      { owner: 'acme', repo: 'deploy', ref: 'release', path: 'k8s' },
    ],
    [
      'https://gitlab.example.com/platform/deploy/shop/-/tree/main/apps/shop',
      'gitlab',
      {
        owner: 'platform/deploy/shop',
        repo: 'shop',
        ref: 'main',
        path: 'apps/shop',
      },
    ],
  ] as const)('reads %s', (url, type, expected) => {
    const source = scmSourceOf(url, type);
    expect(source).toMatchObject(expected);
    expect(source?.ref).toBe('ref' in expected ? expected.ref : undefined);
  });

  it('names the repository by host and path, and asks credentials for its URL', () => {
    expect(
      scmSourceOf('https://github.com/acme/deploy/tree/main/x', 'github'),
    ).toMatchObject({
      name: 'github.com/acme/deploy',
      url: 'https://github.com/acme/deploy',
    });
  });

  it.each([
    ['not a url', 'github'],
    ['ftp://github.com/acme/deploy', 'github'],
    ['https://github.com/acme', 'github'],
    ['https://github.com/acme/deploy/commits/main', 'github'],
    ['https://github.com/acme/deploy/tree/main/../../etc', 'github'],
    ['https://github.com/-bad-/deploy', 'github'],
    ['https://gitlab.example.com/solo', 'gitlab'],
    ['https://gitlab.example.com/group/pro%20ject/-/tree/main', 'gitlab'],
  ] as const)('refuses %s', (url, type) => {
    expect(scmSourceOf(url, type)).toBeUndefined();
  });
});
