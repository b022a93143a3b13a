import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModulePragmaticGitops } from './module';

describe('scaffolderModulePragmaticGitops', () => {
  it('registers the pragmatic-gitops:annotate action', async () => {
    const addActions = jest.fn();

    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [scaffolderModulePragmaticGitops],
    });

    expect(addActions).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'pragmatic-gitops:annotate' }),
    );
  });
});
