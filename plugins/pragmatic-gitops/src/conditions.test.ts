import { Entity } from '@backstage/catalog-model';
import { isPragmaticGitopsAvailable } from './conditions';

function entityWith(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments', ...(annotations ? { annotations } : {}) },
  };
}

describe('isPragmaticGitopsAvailable', () => {
  it('is false without annotations', () => {
    expect(isPragmaticGitopsAvailable(entityWith())).toBe(false);
  });

  it('is false with only unrelated annotations', () => {
    expect(
      isPragmaticGitopsAvailable(
        entityWith({
          'argocd/app-name': 'payments',
          'backstage.io/techdocs-ref': 'dir:.',
        }),
      ),
    ).toBe(false);
  });

  it.each([
    ['pragmatic-gitops.io/track', 'declarative'],
    ['pragmatic-gitops.io/source-location', 'dir:../deploy'],
    ['pragmatic-gitops.io/track', 'not-a-track'],
  ])('is true with %s=%s, valid or not', (key, value) => {
    expect(isPragmaticGitopsAvailable(entityWith({ [key]: value }))).toBe(true);
  });
});
