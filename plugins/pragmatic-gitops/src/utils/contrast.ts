import {
  darken,
  getContrastRatio,
  lighten,
  Theme,
} from '@material-ui/core/styles';

/** WCAG 2 AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/**
 * The backgrounds text of this plugin sits on: cards (paper) and the page
 * (default, e.g. Backstage's #f8f8f8 around tables and filter fields).
 */
export function surfaces(theme: Theme): string[] {
  return [theme.palette.background.paper, theme.palette.background.default];
}

/**
 * `color`, darkened on a light background (lightened on a dark one) in small
 * steps until text in it reaches 4.5:1 against every one of `backgrounds`.
 * Theme colours such as MUI's success green (2.8:1 on white) become readable
 * text without hard-coding a second palette.
 */
export function readableColor(
  color: string,
  backgrounds: string | readonly string[],
): string {
  const all = typeof backgrounds === 'string' ? [backgrounds] : backgrounds;
  const light = getContrastRatio(all[0], '#000') > 10;
  const readable = (candidate: string) =>
    all.every(
      background =>
        getContrastRatio(candidate, background) >= MIN_TEXT_CONTRAST,
    );
  let candidate = color;
  for (let step = 1; step <= 20; step++) {
    if (readable(candidate)) {
      return candidate;
    }
    candidate = light
      ? darken(color, step * 0.05)
      : lighten(color, step * 0.05);
  }
  return candidate;
}
