import { getContrastRatio } from '@material-ui/core/styles';
import { MIN_TEXT_CONTRAST, readableColor } from './contrast';

describe('readableColor', () => {
  it.each([
    ['#4caf50', '#ffffff'],
    ['#2196f3', '#ffffff'],
    ['#ff9800', '#ffffff'],
    ['#f44336', '#ffffff'],
    ['#ff9800', '#424242'],
    ['#1976d2', '#333333'],
  ])('makes %s readable on %s', (color, background) => {
    expect(
      getContrastRatio(readableColor(color, background), background),
    ).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  it('keeps a colour that is readable already', () => {
    expect(readableColor('#1f5493', '#ffffff')).toBe('#1f5493');
  });
});
