import { darken, getContrastRatio, lighten } from '@material-ui/core/styles';

/** WCAG 2 AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/**
 * `color`, darkened on a light background (lightened on a dark one) in small
 * steps until text in it reaches 4.5:1 against `background`. Theme colours
 * such as MUI's success green (2.8:1 on white) become readable text without
 * hard-coding a second palette.
 */
export function readableColor(color: string, background: string): string {
  const light = getContrastRatio(background, '#000') > 10;
  let candidate = color;
  for (let step = 1; step <= 20; step++) {
    if (getContrastRatio(candidate, background) >= MIN_TEXT_CONTRAST) {
      return candidate;
    }
    candidate = light
      ? darken(color, step * 0.05)
      : lighten(color, step * 0.05);
  }
  return candidate;
}
