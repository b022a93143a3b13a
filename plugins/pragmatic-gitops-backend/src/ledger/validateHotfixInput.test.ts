import { formatHotfixId } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { parseHotfixId } from './hotfixId';
import { validateHotfixInput } from './validateHotfixInput';
import { newHotfix } from './__testUtils__/fixtures';

const now = new Date('2026-11-26T12:00:00Z');
const validate = (overrides: Record<string, unknown>) =>
  validateHotfixInput(newHotfix(overrides) as any, now);

describe('validateHotfixInput', () => {
  it('keeps known fields only, trimmed, and defaults appliedAt to now', () => {
    expect(
      validate({
        title: '  Raise replicas ',
        appliedBy: 'user:default/mallory',
        actor: 'user:default/mallory',
      }),
    ).toEqual({
      entityRef: 'component:default/web',
      title: 'Raise replicas',
      incidentUrl: 'https://incidents.example.com/INC-1234',
      appliedAt: now,
      changes: [
        {
          kind: 'Deployment',
          namespace: 'shop',
          name: 'web',
          paths: ['/spec/replicas'],
        },
      ],
    });
  });

  it('accepts an appliedAt a little ahead, for clock skew', () => {
    expect(validate({ appliedAt: '2026-11-26T12:04:00Z' }).appliedAt).toEqual(
      new Date('2026-11-26T12:04:00Z'),
    );
  });

  it.each([
    [{ entityRef: 'web' }, 'entityRef'],
    [{ title: '   ' }, 'title'],
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ incidentUrl: 'ftp://incidents/1' }, 'incidentUrl'],
    [{ incidentUrl: `${'javascript'}:alert(1)` }, 'incidentUrl'],
    [{ incidentUrl: 'not a url' }, 'incidentUrl'],
    [{ appliedAt: '2026-11-26T12:06:00Z' }, 'appliedAt'],
    [{ appliedAt: 'yesterday' }, 'appliedAt'],
    [{ changes: [] }, 'changes'],
    [{ changes: [{ kind: 'Deployment', name: ' ' }] }, 'changes[0].name'],
    [
      {
        changes: [
          { kind: 'Deployment', name: 'web', paths: ['/spec/replicas'] },
          { kind: 'Service', name: 'web', paths: ['/ok', 'spec/ports'] },
        ],
      },
      'changes[1].paths[1]',
    ],
    [
      { changes: [{ kind: 'X', name: 'y', paths: ['/a~2b'] }] },
      'changes[0].paths[0]',
    ],
  ])('rejects %j naming %s', (overrides, field) => {
    expect(() => validate(overrides)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(field),
      }),
    );
  });
});

describe('hotfix ids', () => {
  it('round-trips', () => {
    expect(formatHotfixId(42)).toBe('HF-42');
    expect(parseHotfixId('HF-42')).toBe(42);
    expect(parseHotfixId(42)).toBe(42);
  });

  it.each(['HF-0', 'HF-042', 'hf-1', '42', 'HF-1x', 'HF-9999999999999999'])(
    'rejects %s naming the field',
    id => {
      expect(() => parseHotfixId(id)).toThrow(/^id /);
    },
  );
});
