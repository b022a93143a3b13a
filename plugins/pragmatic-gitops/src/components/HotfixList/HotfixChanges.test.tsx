import { render, screen } from '@testing-library/react';
import { AddedEntriesProvider } from './AddedEntries';
import { HotfixChanges } from './HotfixChanges';

describe('HotfixChanges', () => {
  it('names an added list entry in words, not by its pointer', () => {
    render(
      <HotfixChanges
        changes={[
          {
            kind: 'Deployment',
            namespace: 'payments',
            name: 'payments-api',
            paths: ['/spec/template/spec/containers/0/env/-', '/spec/replicas'],
          },
        ]}
      />,
    );
    const added = screen.getByText('env entry added');
    expect(added).toHaveAttribute(
      'title',
      '/spec/template/spec/containers/0/env/-',
    );
    expect(screen.getByText('/spec/replicas')).toBeInTheDocument();
    expect(screen.queryByText(/env\/-$/)).not.toBeInTheDocument();
  });

  it('names an added entry by its key when the entity drift shows it, the entries of this hotfix only', () => {
    const ENV = '/spec/template/spec/containers/0/env/-';
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'payments',
      name: 'payments-api',
      status: 'drifted' as const,
      ignored: [],
    };
    render(
      <AddedEntriesProvider
        resources={[
          {
            ...deployment,
            differences: [
              {
                path: ENV,
                live: { name: 'FEATURE_FAST_REFUNDS', value: 'true' },
                explainedBy: 'HF-1',
              },
              {
                path: ENV,
                live: { name: 'DEBUG_REFUNDS', value: 'true' },
                explainedBy: 'HF-2',
              },
            ],
          },
        ]}
      >
        <HotfixChanges
          hotfixId="HF-1"
          changes={[
            {
              kind: 'Deployment',
              namespace: 'payments',
              name: 'payments-api',
              paths: [ENV],
            },
          ]}
        />
      </AddedEntriesProvider>,
    );
    expect(screen.getByText('env FEATURE_FAST_REFUNDS added')).toHaveAttribute(
      'title',
      ENV,
    );
    expect(screen.queryByText(/DEBUG_REFUNDS/)).not.toBeInTheDocument();
    expect(screen.queryByText('env entry added')).not.toBeInTheDocument();
  });
});
