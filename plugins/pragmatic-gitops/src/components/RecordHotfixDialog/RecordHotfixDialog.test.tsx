import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { pragmaticGitopsApiRef } from '../../api';
import { ExplainedResourceDrift, Hotfix } from '../../api/types';
import { mockPragmaticGitopsApi } from '../../__testUtils__/mockPragmaticGitopsApi';
import { hotfix, responseError } from '../../__testUtils__/hotfixFixtures';
import { RecordHotfixDialog } from './RecordHotfixDialog';

const resources: ExplainedResourceDrift[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    namespace: 'payments',
    name: 'payments-api',
    status: 'drifted',
    differences: [
      {
        path: '/spec/replicas',
        desired: 2,
        live: 5,
        changedBy: { manager: 'kubectl-scale', operation: 'Update' },
      },
      { path: '/spec/template/spec/containers/0/env/0/value', masked: true },
    ],
    ignored: [],
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    namespace: 'payments',
    name: 'flags',
    status: 'drifted',
    explainedBy: 'HF-1',
    differences: [
      {
        path: '/data/FAST_PATH',
        desired: 'off',
        live: 'on',
        explainedBy: 'HF-1',
      },
    ],
    ignored: [],
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    namespace: 'payments',
    name: 'payments-api',
    status: 'in-sync',
    differences: [],
    ignored: [],
  },
];

const recorded = hotfix({ id: 'HF-12' });

// A dialog full of Material UI inputs types slowly in jsdom.
jest.setTimeout(30_000);

/** Types a long text in one go. */
async function fill(
  label: RegExp | string,
  text: string,
  scope: Pick<typeof screen, 'getByLabelText'> = screen,
) {
  const input = scope.getByLabelText(label);
  await userEvent.click(input);
  await userEvent.paste(text);
}

async function renderDialog(
  recordHotfix: (...args: any[]) => Promise<Hotfix>,
  track?: 'imperative',
) {
  const api = mockPragmaticGitopsApi({ recordHotfix });
  const onRecorded = jest.fn();
  const onClose = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[pragmaticGitopsApiRef, api]]}>
      <RecordHotfixDialog
        entityRef="component:default/payments"
        resources={resources}
        track={track}
        onClose={onClose}
        onRecorded={onRecorded}
      />
    </TestApiProvider>,
  );
  return { api, onRecorded, onClose };
}

const submit = () =>
  userEvent.click(screen.getByRole('button', { name: 'Record hotfix' }));

const checkbox = (name: string) => screen.getByRole('checkbox', { name });

describe('RecordHotfixDialog', () => {
  it('prefills what was changed from the drift, unexplained fields checked', async () => {
    await renderDialog(jest.fn());

    const items = screen.getAllByTestId('pragmatic-gitops-hotfix-change');
    expect(items.map(item => item.getAttribute('data-resource'))).toEqual([
      'Deployment/payments/payments-api',
      'ConfigMap/payments/flags',
    ]);
    expect(checkbox('Deployment payments/payments-api')).toBeChecked();
    expect(checkbox('/spec/replicas')).toBeChecked();
    expect(
      checkbox('/spec/template/spec/containers/0/env/0/value'),
    ).toBeChecked();
    expect(checkbox('ConfigMap payments/flags')).not.toBeChecked();
    expect(checkbox('/data/FAST_PATH')).not.toBeChecked();
    expect(items[1]).toHaveTextContent('already explained by HF-1');
    // Who changed each prefilled field, when the live object says so.
    expect(
      within(items[0]).getAllByTestId('pragmatic-gitops-changed-by'),
    ).toHaveLength(1);
    expect(items[0]).toHaveTextContent('changed by kubectl-scale');
    expect(
      (screen.getByLabelText(/^Applied at/) as HTMLInputElement).value,
    ).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });

  it('checks the fields before sending anything', async () => {
    const { api } = await renderDialog(jest.fn());

    await fill(/^Incident link/, 'ftp://x');
    await userEvent.click(checkbox('Deployment payments/payments-api'));
    fireEvent.change(screen.getByLabelText(/^Applied at/), {
      target: { value: '2999-01-01T10:00' },
    });
    await submit();

    expect(
      screen.getByText('Say in a few words what was done.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Give the http(s) link of the incident, or leave it empty.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The change cannot have been applied in the future.'),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('pragmatic-gitops-changes-error'),
    ).toHaveTextContent('Check at least one changed resource');
    expect(api.recordHotfix).not.toHaveBeenCalled();
  });

  it('sends what was typed and checked, never who applied it', async () => {
    const { api, onRecorded } = await renderDialog(() =>
      Promise.resolve(recorded),
    );
    const before = Date.now();

    await fill(/^Title/, '  Scale to 5  ');
    await fill(/^Incident link/, 'https://incidents.example.com/INC-7');
    await fill(/^Description/, 'CPU at 95%');
    await userEvent.click(
      checkbox('/spec/template/spec/containers/0/env/0/value'),
    );
    const manual = screen.getByTestId('pragmatic-gitops-hotfix-manual-change');
    await fill('Kind', 'Secret', within(manual));
    await fill('Namespace', 'payments', within(manual));
    await fill('Name', 'db', within(manual));
    await fill(/^Fields/, '/data/a, /data/b', within(manual));
    await userEvent.click(
      within(manual).getByRole('button', { name: 'Add resource' }),
    );
    expect(checkbox('Secret payments/db')).toBeChecked();
    await submit();

    await waitFor(() => expect(onRecorded).toHaveBeenCalledWith(recorded));
    expect(api.recordHotfix).toHaveBeenCalledTimes(1);
    const [body, options] = api.recordHotfix.mock.calls[0];
    expect(body).toEqual({
      entityRef: 'component:default/payments',
      title: 'Scale to 5',
      incidentUrl: 'https://incidents.example.com/INC-7',
      description: 'CPU at 95%',
      appliedAt: expect.stringMatching(/Z$/),
      changes: [
        {
          kind: 'Deployment',
          namespace: 'payments',
          name: 'payments-api',
          paths: ['/spec/replicas'],
        },
        {
          kind: 'Secret',
          namespace: 'payments',
          name: 'db',
          paths: ['/data/a', '/data/b'],
        },
      ],
    });
    expect(Object.keys(body)).not.toEqual(
      expect.arrayContaining(['appliedBy']),
    );
    expect(JSON.stringify(body)).not.toMatch(/jane|user:|appliedBy|actor/);
    const appliedAt = Date.parse(body.appliedAt!);
    expect(appliedAt).toBeGreaterThan(before - 2 * 60 * 1000);
    expect(appliedAt).toBeLessThanOrEqual(Date.now());
    expect(options?.idempotencyKey).toEqual(expect.any(String));
  });

  it('rejects a hand-added resource without a kind or with a bad field', async () => {
    await renderDialog(jest.fn());
    const manual = screen.getByTestId('pragmatic-gitops-hotfix-manual-change');

    await fill('Name', 'db', within(manual));
    await userEvent.click(
      within(manual).getByRole('button', { name: 'Add resource' }),
    );
    expect(manual).toHaveTextContent('Give at least the kind and the name');

    await fill('Kind', 'Secret', within(manual));
    await fill(/^Fields/, 'data.a', within(manual));
    await userEvent.click(
      within(manual).getByRole('button', { name: 'Add resource' }),
    );
    expect(manual).toHaveTextContent('"data.a" is not a JSON pointer');
    expect(
      screen.getAllByTestId('pragmatic-gitops-hotfix-change'),
    ).toHaveLength(2);
  });

  it('shows the backend error and retries with the same Idempotency-Key', async () => {
    const badRequest = await responseError(
      400,
      'InputError',
      'incidentUrl must use https',
    );
    const recordHotfix = jest
      .fn()
      .mockRejectedValueOnce(badRequest)
      .mockResolvedValueOnce(recorded);
    const { onRecorded } = await renderDialog(recordHotfix);

    await fill(/^Title/, 'Scale to 5');
    await fill(/^Incident link/, 'http://incidents.example.com/INC-7');
    await submit();

    expect(
      await screen.findByTestId('pragmatic-gitops-record-hotfix-error'),
    ).toHaveTextContent('incidentUrl must use https');
    expect(onRecorded).not.toHaveBeenCalled();

    await submit();

    await waitFor(() => expect(onRecorded).toHaveBeenCalledWith(recorded));
    expect(recordHotfix).toHaveBeenCalledTimes(2);
    const keys = recordHotfix.mock.calls.map(call => call[1].idempotencyKey);
    expect(keys[0]).toEqual(expect.any(String));
    expect(keys[1]).toBe(keys[0]);
  });

  it('says which permission a refusal is about', async () => {
    const forbidden = await responseError(
      403,
      'NotAllowedError',
      'Unauthorized',
    );
    await renderDialog(() => Promise.reject(forbidden));

    await fill(/^Title/, 'Scale to 5');
    await submit();

    expect(
      await screen.findByTestId('pragmatic-gitops-record-hotfix-error'),
    ).toHaveTextContent(
      'You are not allowed to record hotfixes for this entity: it takes the pragmatic-gitops.hotfix.create permission.',
    );
    expect(screen.getByRole('button', { name: 'Record hotfix' })).toBeEnabled();
  });

  it('sends one request for a double click', async () => {
    let resolve: (hotfix: Hotfix) => void = () => {};
    const recordHotfix = jest.fn(
      () =>
        new Promise<Hotfix>(r => {
          resolve = r;
        }),
    );
    const { onRecorded } = await renderDialog(recordHotfix);

    await fill(/^Title/, 'Scale to 5');
    await userEvent.dblClick(
      screen.getByRole('button', { name: 'Record hotfix' }),
    );
    expect(screen.getByRole('button', { name: 'Recording…' })).toBeDisabled();
    resolve(recorded);

    await waitFor(() => expect(onRecorded).toHaveBeenCalledTimes(1));
    expect(recordHotfix).toHaveBeenCalledTimes(1);
  });

  it('counts a hand-filled row on submit without "Add resource"', async () => {
    const recordHotfix = jest.fn(() => Promise.resolve(recorded));
    await renderDialog(recordHotfix);
    await fill(/^Title/, 'Raise memory limit');
    // Nothing from the drift: only the row typed in by hand.
    await userEvent.click(checkbox('Deployment payments/payments-api'));
    const manual = screen.getByTestId('pragmatic-gitops-hotfix-manual-change');
    await fill('Kind', 'Deployment', within(manual));
    await fill('Namespace', 'payments', within(manual));
    await fill('Name', 'checkout-web', within(manual));
    await fill(
      /^Fields/,
      '/spec/template/spec/containers/0/resources/limits/memory',
      within(manual),
    );
    await submit();

    await waitFor(() => expect(recordHotfix).toHaveBeenCalledTimes(1));
    expect(recordHotfix).toHaveBeenCalledWith(
      expect.objectContaining({
        changes: [
          {
            kind: 'Deployment',
            namespace: 'payments',
            name: 'checkout-web',
            paths: ['/spec/template/spec/containers/0/resources/limits/memory'],
          },
        ],
      }),
      expect.anything(),
    );
  });

  it('moves focus to the first invalid field after a failed submit', async () => {
    await renderDialog(jest.fn());
    await fill(/^Incident link/, 'ftp://x');
    await submit();
    expect(screen.getByLabelText(/^Title/)).toHaveFocus();

    await fill(/^Title/, 'Scale up');
    await submit();
    expect(screen.getByLabelText(/^Incident link/)).toHaveFocus();
  });

  it('shows the field format as help text, with an example', async () => {
    await renderDialog(jest.fn());
    const manual = screen.getByTestId('pragmatic-gitops-hotfix-manual-change');
    expect(manual).toHaveTextContent(
      'JSON pointers, comma-separated, e.g. /spec/replicas',
    );
  });

  it('asks an imperative entity for an address, not a namespace', async () => {
    await renderDialog(jest.fn(), 'imperative');
    const manual = screen.getByTestId('pragmatic-gitops-hotfix-manual-change');
    expect(
      within(manual).getByLabelText('Address or migration id'),
    ).toBeInTheDocument();
    expect(
      within(manual).queryByLabelText('Namespace'),
    ).not.toBeInTheDocument();
  });

  it('tells an imperative entity with nothing found what it was compared with, not Git', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[[pragmaticGitopsApiRef, mockPragmaticGitopsApi({})]]}
      >
        <RecordHotfixDialog
          entityRef="component:default/edge-cdn"
          resources={[]}
          track="imperative"
          onClose={jest.fn()}
          onRecorded={jest.fn()}
        />
      </TestApiProvider>,
    );
    expect(
      screen.getByText(/Terraform found nothing changed outside it/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/differs from Git/)).not.toBeInTheDocument();
  });
});
