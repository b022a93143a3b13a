import {
  validateAnnotations,
  hasPragmaticGitopsAnnotations,
} from './validateAnnotations';

describe('validateAnnotations', () => {
  it('accepts a well-annotated entity', () => {
    expect(
      validateAnnotations({
        'pragmatic-gitops.io/track': 'B',
        'pragmatic-gitops.io/source-location': 'dir:../deploy',
        'pragmatic-gitops.io/ignore-differences': '/spec/replicas',
        'pragmatic-gitops.io/secret-refs': 'vault:kv/a#b',
        'backstage.io/techdocs-ref': 'dir:.',
      }),
    ).toEqual([]);
  });

  it('reports one problem per bad annotation, naming it', () => {
    const problems = validateAnnotations({
      'pragmatic-gitops.io/track': 'gitops',
      'pragmatic-gitops.io/source-location': 'dir:ok',
      'pragmatic-gitops.io/secret-refs': 'nope',
      'pragmatic-gitops.io/trak': 'A',
    });
    expect(problems.map(p => p.annotation)).toEqual([
      'pragmatic-gitops.io/track',
      'pragmatic-gitops.io/secret-refs',
      'pragmatic-gitops.io/trak',
    ]);
    expect(problems[0].message).toContain('"gitops" is not a track');
    expect(problems[2].message).toContain(
      'Unknown annotation pragmatic-gitops.io/trak',
    );
  });

  it('tells whether an entity carries any suite annotation', () => {
    expect(hasPragmaticGitopsAnnotations(undefined)).toBe(false);
    expect(hasPragmaticGitopsAnnotations({ 'argocd/app-name': 'x' })).toBe(
      false,
    );
    expect(
      hasPragmaticGitopsAnnotations({ 'pragmatic-gitops.io/track': 'A' }),
    ).toBe(true);
  });
});
