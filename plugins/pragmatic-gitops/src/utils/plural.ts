const RULES = new Intl.PluralRules('en');

/**
 * A count with its noun in the right form: `plural(1, 'change')` is
 * "1 change", `plural(2, 'change')` "2 changes", `plural(0, 'entry',
 * 'entries')` "0 entries". The one place the UI picks a plural form.
 */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count} ${RULES.select(count) === 'one' ? one : other}`;
}
