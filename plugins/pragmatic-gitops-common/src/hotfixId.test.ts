import {
  formatHotfixId,
  hotfixSequence,
  isHotfixId,
  normalizeHotfixId,
} from './hotfixId';

describe('hotfix ids', () => {
  it('formats a sequence number, and reads it back', () => {
    expect(formatHotfixId(42)).toBe('HF-42');
    expect(formatHotfixId('7')).toBe('HF-7');
    expect(hotfixSequence(formatHotfixId(123456789012345))).toBe(
      123456789012345,
    );
  });

  it.each([
    'HF-1',
    'HF-42',
    'HF-999999999999999', // 15 digits: still a safe integer
  ])('%s is a hotfix id', id => {
    expect(isHotfixId(id)).toBe(true);
    expect(hotfixSequence(id)).toBe(Number(id.slice(3)));
  });

  it.each([
    'HF-0',
    'HF-042',
    'hf-42',
    'HF-',
    'HF-1000000000000000', // 16 digits
    ' HF-1',
    'HF-1 ',
    'INC-42',
    '42',
    '',
  ])('%j is not', id => {
    expect(isHotfixId(id)).toBe(false);
    expect(hotfixSequence(id)).toBeUndefined();
  });

  it('is false for what is not a string', () => {
    expect(isHotfixId(42)).toBe(false);
    expect(isHotfixId(undefined)).toBe(false);
  });

  it.each([
    ['HF-42', 'HF-42'],
    ['hf-0042', 'HF-42'],
    ['Hf-7', 'HF-7'],
    ['HF-0', undefined],
    ['HF-000', undefined],
    ['HF-x1', undefined],
    ['HF-', undefined],
    ['HF-1000000000000000', undefined],
  ])('normalizes %j as people write it to %j', (written, id) => {
    expect(normalizeHotfixId(written)).toBe(id);
  });
});
