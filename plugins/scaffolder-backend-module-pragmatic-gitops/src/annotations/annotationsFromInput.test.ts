import { annotationsFromInput } from './annotationsFromInput';

describe('annotationsFromInput', () => {
  it('normalises the values and trims list items', () => {
    expect(
      annotationsFromInput({
        track: ' b ',
        sourceLocation: ' dir:./deploy ',
        ignoreDifferences: [' /spec/replicas ', 'Deployment:/spec/template'],
        secretRefs: ['vault/prod:kv/payments/db#password '],
      }),
    ).toEqual({
      'pragmatic-gitops.io/track': 'operator',
      'pragmatic-gitops.io/source-location': 'dir:./deploy',
      'pragmatic-gitops.io/ignore-differences':
        '/spec/replicas\nDeployment:/spec/template',
      'pragmatic-gitops.io/secret-refs': 'vault/prod:kv/payments/db#password',
    });
  });

  it('leaves out empty or omitted lists', () => {
    expect(
      annotationsFromInput({
        track: 'imperative',
        sourceLocation: 'dir:.',
        ignoreDifferences: [],
      }),
    ).toEqual({
      'pragmatic-gitops.io/track': 'imperative',
      'pragmatic-gitops.io/source-location': 'dir:.',
    });
  });

  it('rejects a blank list item, naming its index', () => {
    expect(() =>
      annotationsFromInput({
        track: 'A',
        sourceLocation: 'dir:.',
        secretRefs: ['vault:kv/a', '  '],
      }),
    ).toThrow(/^Invalid input secretRefs\[1\]: .*is empty/);
  });
});
