import { DEFAULT_LOCALE, formatCount, formatPercent } from './format.js';

/** The CLDR plural categories (`Intl.PluralRules`); every language has `other`. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * A message per plural category; `#` in a form stands for the localized number. A form the
 * language does not need may be left out: `other` is used instead.
 */
export type PluralForms = { other: string } & { [C in Exclude<PluralCategory, 'other'>]?: string };

/**
 * Locale-bound number helpers handed to every string that contains a count, so a translation
 * receives numbers (never pre-formatted text) and picks its plural form through `Intl.PluralRules`.
 */
export interface LocaleNumbers {
  readonly locale: string;
  /** The number with the locale's digits and grouping. */
  number(n: number): string;
  /** A share as a percentage: 0.42 → "42 %" in French. */
  percent(share: number): string;
  /** The form `Intl.PluralRules` selects for `n`, with `#` replaced by `number(n)`. */
  plural(n: number, forms: PluralForms): string;
}

const helpers = new Map<string, LocaleNumbers>();

export function localeNumbers(locale: string = DEFAULT_LOCALE): LocaleNumbers {
  let found = helpers.get(locale);
  if (!found) {
    const rules = new Intl.PluralRules(locale);
    found = {
      locale,
      number: (n) => formatCount(n, locale),
      percent: (share) => formatPercent(share, locale),
      plural: (n, forms) => (forms[rules.select(n)] ?? forms.other).replaceAll('#', formatCount(n, locale)),
    };
    helpers.set(locale, found);
  }
  return found;
}
