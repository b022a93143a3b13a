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

describe('readableColor on several backgrounds', () => {
  it('is readable on the card and on the page around it', () => {
    // MUI's success green on white cards and Backstage's grey page.
    const backgrounds = ['#ffffff', '#f8f8f8'];
    const color = readableColor('#4caf50', backgrounds);
    for (const background of backgrounds) {
      expect(getContrastRatio(color, background)).toBeGreaterThanOrEqual(
        MIN_TEXT_CONTRAST,
      );
    }
  });
});
