// In a file of its own: the permission hook caches answers per module
// registry, and the other tests are allowed.
import { act, waitFor, within } from '@testing-library/react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { pragmaticGitopsHotfixUpdatePermission } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import {
  renderCard,
  row,
} from '../HotfixList/__testUtils__/renderHotfixesCard';

describe('BackportButton without the permission', () => {
  it('is not offered without pragmatic-gitops.hotfix.update on the entity', async () => {
    const { permissionApi, api } = await renderCard(
      {},
      { permission: AuthorizeResult.DENY },
    );

    const pending = await row('HF-5');
    await waitFor(() =>
      expect(permissionApi.authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: pragmaticGitopsHotfixUpdatePermission,
          resourceRef: 'component:default/payments',
        }),
      ),
    );
    // Let the refusal reach the row.
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));

    expect(
      within(pending).getByRole('button', { name: 'Mark back-ported' }),
    ).toBeInTheDocument();
    expect(
      within(pending).queryByRole('button', { name: 'Open back-port PR' }),
    ).not.toBeInTheDocument();
    expect(api.generateBackport).not.toHaveBeenCalled();
  });
});
