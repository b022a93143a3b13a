import { render, screen } from '@testing-library/react';
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
});
