import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HotfixBackport } from '../../api/types';
import { responseError } from '../../__testUtils__/hotfixFixtures';
import {
  renderCard,
  row,
} from '../HotfixList/__testUtils__/renderHotfixesCard';

jest.setTimeout(30_000);

const DEPLOYMENT = {
  kind: 'Deployment',
  namespace: 'payments',
  name: 'payments-api',
};

const DIFF = [
  '--- a/deploy/deployment.yaml',
  '+++ b/deploy/deployment.yaml',
  '@@ -6,3 +6,3 @@',
  ' spec:',
  '-  replicas: 2 # scaled by the HPA',
  '+  replicas: 5 # scaled by the HPA',
  '   selector:',
  '',
].join('\n');

const diffBackport: HotfixBackport = {
  hotfixId: 'HF-5',
  type: 'diff',
  written: [
    {
      resource: DEPLOYMENT,
      path: '/spec/replicas',
      file: 'deploy/deployment.yaml',
    },
  ],
  refused: [],
  diff: DIFF,
};

function pullRequestBackport(created: boolean): HotfixBackport {
  return {
    hotfixId: 'HF-5',
    type: 'pull-request',
    written: diffBackport.written,
    refused: [],
    pullRequest: {
      url: 'https://github.com/acme/deploy/pull/12',
      number: 12,
      branch: 'backport/HF-5',
      created,
    },
  };
}

/** A promise resolved by the test, to see what shows while it is pending. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

async function openBackport(id = 'HF-5') {
  await userEvent.click(
    within(await row(id)).getByRole('button', { name: 'Open back-port PR' }),
  );
  return screen.getByRole('dialog', { name: `Back-port ${id}` });
}

describe('BackportDialog', () => {
  it('shows progress, then the diff to copy and the file it changes', async () => {
    const answer = deferred<HotfixBackport>();
    const { api } = await renderCard({
      generateBackport: () => answer.promise,
    });

    const dialog = await openBackport();
    expect(
      within(dialog).getByTestId('pragmatic-gitops-backport-progress'),
    ).toBeInTheDocument();
    answer.resolve(diffBackport);

    const diff = await within(dialog).findByTestId(
      'pragmatic-gitops-unified-diff',
    );
    expect(api.generateBackport).toHaveBeenCalledWith('HF-5');
    expect(api.generateBackport).toHaveBeenCalledTimes(1);
    expect(diff.textContent).toBe(DIFF.replace(/\n$/, ''));
    const added = diff.querySelector('ins');
    expect(added).toHaveTextContent('+ replicas: 5 # scaled by the HPA');
    expect(diff.querySelector('del')).toHaveTextContent(
      '- replicas: 2 # scaled by the HPA',
    );
    expect(
      within(dialog).getByRole('button', { name: 'Copy the diff' }),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Backport-Of: HF-5');
    const files = within(dialog).getByRole('list', { name: 'Changed files' });
    expect(files).toHaveTextContent('deploy/deployment.yaml: /spec/replicas');
    expect(
      within(dialog).queryByTestId('pragmatic-gitops-backport-refused'),
    ).not.toBeInTheDocument();
    expect(
      within(dialog).queryByTestId('pragmatic-gitops-backport-progress'),
    ).not.toBeInTheDocument();
  });

  it('links to the pull request it opened', async () => {
    await renderCard({
      generateBackport: () => Promise.resolve(pullRequestBackport(true)),
    });

    const dialog = await openBackport();

    const link = await within(dialog).findByRole('link', {
      name: 'Pull request #12',
    });
    expect(link).toHaveAttribute(
      'href',
      'https://github.com/acme/deploy/pull/12',
    );
    expect(dialog).toHaveTextContent('Opened a pull request');
    expect(dialog).toHaveTextContent('backport/HF-5');
    expect(dialog).not.toHaveTextContent('already open');
    expect(
      within(dialog).queryByTestId('pragmatic-gitops-unified-diff'),
    ).not.toBeInTheDocument();
  });

  it('says when the pull request was already open', async () => {
    await renderCard({
      generateBackport: () => Promise.resolve(pullRequestBackport(false)),
    });

    const dialog = await openBackport();

    await within(dialog).findByRole('link', { name: 'Pull request #12' });
    expect(dialog).toHaveTextContent('(already open)');
    expect(dialog).not.toHaveTextContent('Opened a pull request');
  });

  it('lists the fields it leaves to the user, with the reasons', async () => {
    await renderCard({
      generateBackport: () =>
        Promise.resolve({
          ...diffBackport,
          refused: [
            {
              resource: {
                kind: 'Secret',
                namespace: 'payments',
                name: 'api-keys',
              },
              path: '/data/token',
              code: 'secret-value',
              reason:
                'Secret values are never written into a patch: change it in your secret manager',
            },
            {
              resource: DEPLOYMENT,
              path: '/spec/template/spec/containers/0/env',
              code: 'not-declared',
              reason:
                'No plain manifest declares this field (Helm values or a Kustomize overlay?)',
            },
          ],
        }),
    });

    const dialog = await openBackport();

    const refused = await within(dialog).findByRole('list', {
      name: 'Fields left to you',
    });
    const items = within(refused).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'Secret payments/api-keys /data/token: Secret values are never written into a patch: change it in your secret manager',
      'Deployment payments/payments-api /spec/template/spec/containers/0/env: No plain manifest declares this field (Helm values or a Kustomize overlay?)',
    ]);
    expect(dialog).toHaveTextContent('Left to you (2)');
    // The field it could write is still in the diff.
    expect(
      within(dialog).getByTestId('pragmatic-gitops-unified-diff'),
    ).toHaveTextContent('+ replicas: 5');
  });

  it('says when there is nothing it can write', async () => {
    await renderCard({
      generateBackport: () =>
        Promise.resolve({
          hotfixId: 'HF-5',
          type: 'diff',
          written: [],
          refused: [
            {
              path: '/rules/0/action',
              code: 'terraform',
              reason: 'Change cloudflare_ruleset.waf_custom in main.tf',
            },
          ],
        }),
    });

    const dialog = await openBackport();

    expect(
      await within(dialog).findByTestId('pragmatic-gitops-backport-empty'),
    ).toHaveTextContent('Nothing to write');
    expect(dialog).toHaveTextContent(
      '/rules/0/action: Change cloudflare_ruleset.waf_custom in main.tf',
    );
  });

  it('shows the error with a retry that generates again', async () => {
    const scmError = await responseError(
      502,
      'Error',
      'GitHub refused to create branch backport/HF-5 in acme/deploy: repository archived',
    );
    const generateBackport = jest
      .fn()
      .mockRejectedValueOnce(scmError)
      .mockResolvedValueOnce(pullRequestBackport(true));
    await renderCard({ generateBackport });

    const dialog = await openBackport();

    const error = await within(dialog).findByTestId(
      'pragmatic-gitops-backport-error',
    );
    expect(error).toHaveTextContent(
      'GitHub refused to create branch backport/HF-5 in acme/deploy: repository archived',
    );
    await userEvent.click(within(error).getByRole('button', { name: 'Retry' }));

    await within(dialog).findByRole('link', { name: 'Pull request #12' });
    expect(generateBackport).toHaveBeenCalledTimes(2);
    expect(
      within(dialog).queryByTestId('pragmatic-gitops-backport-error'),
    ).not.toBeInTheDocument();
  });

  it('names the permission a refusal takes', async () => {
    const forbidden = await responseError(
      403,
      'NotAllowedError',
      'Unauthorized',
    );
    await renderCard({ generateBackport: () => Promise.reject(forbidden) });

    const dialog = await openBackport();

    expect(
      await within(dialog).findByTestId('pragmatic-gitops-backport-error'),
    ).toHaveTextContent(
      'You are not allowed to back-port HF-5: it takes the pragmatic-gitops.hotfix.update permission.',
    );
  });

  it('shows a refusal of the SCM as the backend words it', async () => {
    const denied = await responseError(
      403,
      'NotAllowedError',
      'GitHub refused to push branch backport/HF-5 to acme/deploy: the token lacks contents:write',
    );
    await renderCard({ generateBackport: () => Promise.reject(denied) });

    const dialog = await openBackport();

    const error = await within(dialog).findByTestId(
      'pragmatic-gitops-backport-error',
    );
    expect(error).toHaveTextContent(
      'GitHub refused to push branch backport/HF-5 to acme/deploy: the token lacks contents:write',
    );
    expect(error).not.toHaveTextContent('You are not allowed');
  });

  it('closes without generating again', async () => {
    const { api } = await renderCard({
      generateBackport: () => Promise.resolve(diffBackport),
    });

    const dialog = await openBackport();
    await within(dialog).findByTestId('pragmatic-gitops-unified-diff');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.generateBackport).toHaveBeenCalledTimes(1);
  });

  it('is offered only on pending hotfixes, to users who may update them', async () => {
    await renderCard({});
    expect(
      within(await row('HF-2')).getByRole('button', {
        name: 'Open back-port PR',
      }),
    ).toBeInTheDocument();
    expect(
      within(await row('HF-1')).queryByRole('button', {
        name: 'Open back-port PR',
      }),
    ).not.toBeInTheDocument();
  });
});
