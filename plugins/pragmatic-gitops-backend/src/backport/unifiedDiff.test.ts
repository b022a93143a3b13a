import { unifiedDiff } from './unifiedDiff';

describe('unifiedDiff', () => {
  it('gives a git-style diff of each changed file, unchanged files left out', () => {
    const before = 'a: 1\nb: 2 # keep\nc: 3\n';
    const after = 'a: 1\nb: 5 # keep\nc: 3\n';
    expect(
      unifiedDiff([
        { path: 'apps/payments/deployment.yaml', before, after },
        { path: 'apps/payments/service.yaml', before, after: before },
      ]),
    ).toBe(
      [
        '--- a/apps/payments/deployment.yaml',
        '+++ b/apps/payments/deployment.yaml',
        '@@ -1,3 +1,3 @@',
        ' a: 1',
        '-b: 2 # keep',
        '+b: 5 # keep',
        ' c: 3',
        '',
      ].join('\n'),
    );
  });

  it('is empty when nothing changed', () => {
    expect(unifiedDiff([{ path: 'x.yaml', before: 'a', after: 'a' }])).toBe('');
  });
});
