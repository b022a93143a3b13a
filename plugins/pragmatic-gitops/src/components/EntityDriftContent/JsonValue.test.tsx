import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compactJson, JsonValue, MAX_INLINE_LENGTH } from './JsonValue';

describe('JsonValue', () => {
  it('shows short values as compact JSON', async () => {
    await renderInTestApp(<JsonValue value={{ cpu: '500m', replicas: 2 }} />);
    expect(screen.getByTestId('pragmatic-gitops-json-value')).toHaveTextContent(
      '{"cpu":"500m","replicas":2}',
    );
  });

  it('truncates long values and expands them on request', async () => {
    const value = { command: ['sh', '-c', 'x'.repeat(MAX_INLINE_LENGTH)] };
    await renderInTestApp(<JsonValue value={value} />);

    const shown = screen.getByTestId('pragmatic-gitops-json-value');
    expect(shown).toHaveTextContent('…');
    expect(shown).not.toHaveTextContent(JSON.stringify(value));

    await userEvent.click(screen.getByRole('button', { name: 'more' }));
    expect(screen.getByTestId('pragmatic-gitops-json-value')).toHaveTextContent(
      '"command": [',
    );
    await userEvent.click(screen.getByRole('button', { name: 'less' }));
    expect(screen.getByTestId('pragmatic-gitops-json-value')).toHaveTextContent(
      '…',
    );
  });

  it('reads an absent value as "absent"', () => {
    expect(compactJson(undefined)).toBe('absent');
    expect(compactJson(null)).toBe('null');
    expect(compactJson('a')).toBe('"a"');
  });
});
