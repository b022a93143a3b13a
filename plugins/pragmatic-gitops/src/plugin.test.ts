import { pragmaticGitopsPlugin } from './plugin';

describe('pragmaticGitopsPlugin', () => {
  it('registers the pragmatic-gitops API factory', () => {
    expect(pragmaticGitopsPlugin.getId()).toBe('pragmatic-gitops');
    expect(
      [...pragmaticGitopsPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual(['plugin.pragmatic-gitops.service']);
  });
});
