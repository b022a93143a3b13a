import { plural } from './plural';

describe('plural', () => {
  it.each([
    [0, 'change', '0 changes'],
    [1, 'change', '1 change'],
    [2, 'change', '2 changes'],
  ])('says %d %s as "%s"', (count, noun, text) => {
    expect(plural(count, noun)).toBe(text);
  });

  it('takes an irregular plural', () => {
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
  });
});
