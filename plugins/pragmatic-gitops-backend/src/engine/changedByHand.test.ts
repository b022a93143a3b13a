import { Difference } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { isChangedByHand } from './changedByHand';

const GITOPS = ['argocd-controller', 'kustomize-controller'];

function by(manager?: string): Difference {
  return {
    path: '/spec/replicas',
    desired: 3,
    live: 5,
    ...(manager ? { changedBy: { manager, operation: 'Update' } } : {}),
  };
}

describe('isChangedByHand', () => {
  it.each<[string, Difference[][], boolean]>([
    ['no resources', [], false],
    ['no differences', [[]], false],
    ['differences without changedBy', [[by(), by()]], false],
    ['a GitOps manager only', [[by('argocd-controller')]], false],
    ['kubectl-edit', [[by('kubectl-edit')]], true],
    [
      'several managers, one by hand',
      [
        [by('argocd-controller'), by('kustomize-controller')],
        [by('kubectl-scale')],
      ],
      true,
    ],
    [
      'several GitOps managers',
      [[by('argocd-controller')], [by('kustomize-controller'), by()]],
      false,
    ],
  ])('%s → %p', (_, resources, expected) => {
    expect(
      isChangedByHand(
        resources.map(differences => ({ differences })),
        GITOPS,
      ),
    ).toBe(expected);
  });

  it('treats a manager as GitOps only when configured', () => {
    const resources = [{ differences: [by('helm')] }];
    expect(isChangedByHand(resources, GITOPS)).toBe(true);
    expect(isChangedByHand(resources, [...GITOPS, 'helm'])).toBe(false);
  });

  it('accepts an absent resource list', () => {
    expect(isChangedByHand(undefined, GITOPS)).toBe(false);
  });
});
