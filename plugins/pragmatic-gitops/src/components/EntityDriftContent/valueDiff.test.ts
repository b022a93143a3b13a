import { diffText, isMultiLine, lineDiff, sideBySide } from './valueDiff';

describe('valueDiff', () => {
  it('marks only the changed word of a long value on each side', () => {
    const desired =
      'registry.example.com/payments/payments-api:1.14.2@sha256:aaaa';
    const live =
      'registry.example.com/payments/payments-api:1.14.3-hotfix.1@sha256:aaaa';
    const parts = sideBySide(desired, live);
    expect(parts.desired.map(p => p.text).join('')).toBe(desired);
    expect(parts.live.map(p => p.text).join('')).toBe(live);
    const changedDesired = parts.desired
      .filter(p => p.changed)
      .map(p => p.text)
      .join('');
    // Only the patch number differs on the Git side.
    expect(changedDesired).toBe('2');
    expect(changedDesired).not.toContain('registry.example.com');
    const changedLive = parts.live
      .filter(p => p.changed)
      .map(p => p.text)
      .join('');
    expect(changedLive).toContain('hotfix');
    expect(changedLive).not.toContain('registry.example.com');
  });

  it('diffs a config file line by line', () => {
    const desired = 'log_level = info\nworkers = 4\ntimeout = 30\n';
    const live = 'log_level = debug\nworkers = 4\ntimeout = 30\n';
    expect(isMultiLine(desired, live)).toBe(true);
    expect(lineDiff(desired, live)).toEqual([
      { text: 'log_level = info', kind: 'removed' },
      { text: 'log_level = debug', kind: 'added' },
      { text: 'workers = 4', kind: 'same' },
      { text: 'timeout = 30', kind: 'same' },
    ]);
  });

  it('compares objects as pretty JSON and absent as empty', () => {
    expect(diffText({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(diffText(undefined)).toBe('');
    expect(isMultiLine('one line', 2)).toBe(false);
  });
});
