import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModulePragmaticGitops } from './module';

describe('scaffolderModulePragmaticGitops', () => {
  it('registers the annotate, record-hotfix and back-port actions', async () => {
    const addActions = jest.fn();

    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [scaffolderModulePragmaticGitops],
    });

    expect(addActions).toHaveBeenCalledTimes(1);
    expect(
      addActions.mock.calls[0].map((action: { id: string }) => action.id),
    ).toEqual([
      'pragmatic-gitops:annotate',
      'pragmatic-gitops:hotfix:record',
      'pragmatic-gitops:hotfix:backport',
    ]);
  });
});
