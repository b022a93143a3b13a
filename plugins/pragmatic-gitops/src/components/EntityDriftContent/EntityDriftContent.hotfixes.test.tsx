import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityGitopsDetails, Hotfix } from '../../api';
import { ago, hotfix, DAY } from '../../__testUtils__/hotfixFixtures';
import {
  drifted,
  entityWith,
  mockAlertApi,
  renderContent,
  summaryChip,
} from './__testUtils__/renderDriftContent';

jest.setTimeout(30_000);

const HF1 = hotfix({
  id: 'HF-1',
  title: 'Scale payments-api to 5 replicas',
  events: [{ type: 'recorded', actor: 'user:default/jane', at: ago(DAY) }],
});

/** Drift whose replicas difference and whole ConfigMap HF-1 explains. */
const explained: EntityGitopsDetails = {
  ...drifted,
  drift: {
    ...drifted.drift,
    status: 'explained',
    resources: [
      {
        ...drifted.drift.resources![0],
        differences: [
          { path: '/spec/replicas', desired: 2, live: 5, explainedBy: 'HF-1' },
        ],
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: 'payments',
        name: 'flags',
        status: 'drifted',
        explainedBy: 'HF-1',
        differences: [{ path: '/data/FAST_PATH', desired: 'off', live: 'on' }],
        ignored: [],
      },
    ],
  },
  hotfixes: [HF1],
};

const list = (items: Hotfix[]) => () =>
  Promise.resolve({ items, totalItems: items.length });

describe('EntityDriftContent hotfixes', () => {
  const scrollIntoView = jest.fn();
  beforeAll(() => {
    Element.prototype.scrollIntoView = scrollIntoView;
  });

  it('links drift a hotfix explains to the hotfix', async () => {
    await renderContent(entityWith('A'), explained, undefined, {
      listHotfixes: list([HF1]),
    });

    expect(await summaryChip()).toHaveTextContent('Explained');
    const chips = await screen.findAllByTestId('pragmatic-gitops-explained-by');
    expect(chips.map(chip => chip.textContent)).toEqual([
      'explained by HF-1',
      'explained by HF-1',
    ]);
    const replicas = screen
      .getAllByTestId('pragmatic-gitops-difference')
      .find(d => d.textContent?.includes('/spec/replicas'))!;
    expect(replicas).toHaveAttribute('data-explained-by', 'HF-1');
    expect(
      within(replicas).getByTestId('pragmatic-gitops-explained-by'),
    ).toHaveAttribute('href', '#pragmatic-gitops-hotfix-HF-1');

    await userEvent.click(chips[0]);

    const row = screen.getByTestId('pragmatic-gitops-hotfix');
    await waitFor(() =>
      expect(row).toHaveAttribute('data-highlighted', 'true'),
    );
    expect(scrollIntoView).toHaveBeenCalled();
    expect(
      await screen.findByTestId('pragmatic-gitops-hotfix-details'),
    ).toHaveTextContent('Backport-Of: HF-1');
  });

  it('names the env entry a hotfix added by its key in the hotfix list', async () => {
    const ENV = '/spec/template/spec/containers/0/env/-';
    const HF2 = hotfix({
      id: 'HF-2',
      title: 'Enable fast refunds',
      changes: [
        {
          kind: 'Deployment',
          namespace: 'payments',
          name: 'payments-api',
          paths: [ENV],
        },
      ],
    });
    await renderContent(
      entityWith('A'),
      {
        ...explained,
        drift: {
          ...explained.drift,
          resources: [
            {
              ...drifted.drift.resources![0],
              differences: [
                {
                  path: ENV,
                  live: { name: 'FEATURE_FAST_REFUNDS', value: 'true' },
                  explainedBy: 'HF-2',
                },
              ],
            },
          ],
        },
        hotfixes: [HF2],
      },
      undefined,
      { listHotfixes: list([HF2]) },
    );
    await userEvent.click(
      await screen.findByTestId('pragmatic-gitops-explained-by'),
    );
    const details = await screen.findByTestId(
      'pragmatic-gitops-hotfix-details',
    );
    expect(details).toHaveTextContent('env FEATURE_FAST_REFUNDS added');
    expect(details).not.toHaveTextContent('env entry added');
  });

  it('records a hotfix from the tab, then reloads what it explains', async () => {
    const HF12 = hotfix({ id: 'HF-12', title: 'Scale to 5' });
    const recordHotfix = jest.fn(() => Promise.resolve(HF12));
    const alertApi = mockAlertApi();
    const api = await renderContent(
      entityWith('A'),
      drifted,
      undefined,
      { recordHotfix, listHotfixes: list([]) },
      alertApi,
    );

    await screen.findByTestId('pragmatic-gitops-drift-since');
    await userEvent.click(
      screen.getByRole('button', { name: 'Record hotfix' }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText(/^Title/));
    await userEvent.paste('Scale to 5');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Record hotfix' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(
      await screen.findByTestId('pragmatic-gitops-done-message'),
    ).toHaveTextContent('Recorded HF-12');
    // The deprecated app-wide AlertApi is not used.
    expect(alertApi.post).not.toHaveBeenCalled();
    expect(recordHotfix).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/payments',
        title: 'Scale to 5',
        changes: [
          expect.objectContaining({ kind: 'Deployment', name: 'payments-api' }),
        ],
      }),
      { idempotencyKey: expect.any(String) },
    );
    await waitFor(() => expect(api.getEntityStatus).toHaveBeenCalledTimes(2));
    expect(api.listHotfixes).toHaveBeenCalledTimes(2);
    expect(api.getEntityHistory).toHaveBeenCalledTimes(2);
  });

  it('uses a new Idempotency-Key for a new dialog session', async () => {
    const recordHotfix = jest.fn(() => Promise.reject(new Error('offline')));
    await renderContent(entityWith('A'), drifted, undefined, {
      recordHotfix,
    });
    await screen.findByTestId('pragmatic-gitops-drift-since');

    for (let session = 0; session < 2; session++) {
      await userEvent.click(
        screen.getByRole('button', { name: 'Record hotfix' }),
      );
      const dialog = screen.getByRole('dialog');
      await userEvent.click(within(dialog).getByLabelText(/^Title/));
      await userEvent.paste('Scale to 5');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Record hotfix' }),
      );
      await within(dialog).findByText('offline');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Cancel' }),
      );
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
    }

    const calls = recordHotfix.mock.calls as unknown as Array<
      [unknown, { idempotencyKey: string }]
    >;
    expect(calls[0][1].idempotencyKey).not.toBe(calls[1][1].idempotencyKey);
  });

  it('raises the reverted alarm at the top of the tab', async () => {
    await renderContent(entityWith('A'), drifted, undefined, {
      listHotfixes: list([
        hotfix({ id: 'HF-3', status: 'reverted' }),
        hotfix({ id: 'HF-4', overdue: true, backportDueAt: ago(DAY) }),
      ]),
    });

    expect(
      await screen.findByTestId('pragmatic-gitops-hotfix-reverted-alarm'),
    ).toHaveTextContent('Hotfix HF-3 was reverted');
    expect(
      screen.getByTestId('pragmatic-gitops-hotfix-overdue-warning'),
    ).toHaveTextContent('HF-4');
    // Once, above the cards, not again inside the hotfixes card.
    expect(
      screen.getAllByTestId('pragmatic-gitops-hotfix-reverted-alarm'),
    ).toHaveLength(1);
  });

  it('shows the secret references of the entity', async () => {
    await renderContent(entityWith('A'), {
      ...drifted,
      secretRefs: [
        {
          store: { kind: 'vault', name: 'prod' },
          key: 'kv/payments/db',
          property: 'password',
          via: 'ExternalSecret payments/db',
          usedBy: [
            { kind: 'Deployment', name: 'payments-api', container: 'api' },
          ],
          resolution: { status: 'missing' },
        },
      ],
    });

    const card = await screen.findByTestId('pragmatic-gitops-secret-refs');
    expect(
      within(card).getByTestId('pragmatic-gitops-secret-ref'),
    ).toHaveTextContent('vault/prodkv/payments/dbpassword');
  });
});
