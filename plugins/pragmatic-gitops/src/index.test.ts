import * as index from './index';

describe('package exports', () => {
  it('exports the hotfixes and secret references cards', () => {
    expect(typeof index.EntityHotfixesCard).toBe('function');
    expect(typeof index.EntitySecretRefsCard).toBe('function');
    expect(index.HOTFIX_STATUSES).toEqual([
      'pending-backport',
      'backported',
      'reverted',
      'abandoned',
    ]);
  });
});
