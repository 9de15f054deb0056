/**
 * The arguments every string that is a function is called with when the shipped translations are
 * compared with their expected output (test/fixtures/locales/expected.json): each parameter's values,
 * counts among them, and the argument lists made from them. A new function without samples fails the
 * type check.
 */
import { localeNumbers, type LocaleNumbers, type TagReasonStrings } from '../../src/core/index.js';
import type { DozorStrings } from '../../src/elements/shared/strings.js';

type Args<F> = F extends (...args: infer A) => string ? (A extends [...infer Head, LocaleNumbers] ? Head : A) : never;
type FunctionKeys<T> = { [K in keyof T]-?: T[K] extends (...args: never[]) => string ? K : never }[keyof T];
/** The values each parameter takes. */
type Domains<A> = { [I in keyof A]: readonly A[I][] };
type SampleDomains<T> = { [K in FunctionKeys<T>]: Domains<Args<T[K]>> };

/** Counts that reach every plural category of the shipped languages (uk: one 1/21, few 2/3/22, many 0/5/11/25, other 1.5). */
export const COUNTS = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1.5] as const;
const counts: readonly number[] = COUNTS;
const orNull = <T>(values: readonly T[]): readonly (T | null)[] => [...values, null];
/** Text as a host passes it (relative times, durations, names): braces and an apostrophe must come out as they went in. */
const text = (...values: string[]) => [...values, "{0} l'été } {"];

export const SAMPLE_DOMAINS: SampleDomains<DozorStrings> = {
  retryAfter: [counts],
  updatedAgo: [text('5 min ago')],
  kpiIdentifiedHint: [counts],
  kpiChange: [[...counts, 0.12, -0.12, -1, -1.5, -22]],
  projectsFilter: [counts],
  statusesFilter: [counts],
  showing: [counts, orNull(counts), ['identified', 'anonymous', 'all'], [true, false]],
  limitedStatusFilter: [[...counts, 500, 12345]],
  exporting: [counts, orNull(counts)],
  profileLastSeen: [text('5 min ago')],
  profileFirstSeen: [text('01.02.2026')],
  profileSessionCount: [counts],
  statAcross: [counts],
  traitsKeyCount: [counts],
  traitsShowAll: [counts],
  traitKeyUse: [text('email')],
  projectTraitKeyHelp: [text('Production')],
  activityChartEvents: [[...counts, 1234]],
  activityChartLabel: [counts, counts, counts],
  activityChartBucketRange: [text('10:00'), ['10:05']],
  activityChartPageCount: [text('/pricing'), counts],
  pagesUniqueCount: [counts, counts],
  pagesShowMore: [counts],
  journeyMeta: [counts, text('3 min'), [true, false]],
  journeyLabel: [counts],
  journeyTimeOnPage: [text('1 min')],
  journeyGap: [text('2 min')],
  journeyNotInRange: [['6h', '24h', '7d']],
  journeyTruncated: [counts, counts],
  timelineMeta: [counts, counts, text('24 h')],
  timelineLabel: [counts, counts],
  timelineBarLabel: [text('abc'), orNull(text('1 min')), [true, false]],
  timelinePages: [text('1 min'), counts],
  timelineTruncated: [counts, counts],
  sessionsShown: [counts],
  sessionsShowJourney: [text('abc')],
  sessionsScreen: [
    [1920, 390, 1.5],
    [1080, 844],
  ],
  tagsMore: [counts, text('Buyer, Work info')],
  moveColumnEarlier: [text('Status')],
  moveColumnLater: [text('Status')],
  traitColumnLabel: [text('plan')],
  viewsButton: [orNull(text('Online'))],
  deleteView: [text('Online')],
  makeDefaultView: [text('Online')],
  viewSaved: [text('Online')],
  removeQuickFilter: [text('Online now')],
  adjacentShowing: [text('Ada')],
};

export const TAG_REASON_SAMPLE_DOMAINS: SampleDomains<TagReasonStrings> = {
  sessions: [counts],
  trackedFor: [counts],
  traitSet: [[['email'], ['email', 'phone'], ['email', 'phone', "{plan} l'été"], []]],
  orders: [counts],
};

/**
 * The argument lists for one function: every combination of the short domains, and of the long ones
 * (the counts) every pair, not every triple: position k takes value (i + k·j) mod its length, for all i, j.
 */
export function sampleArguments(domains: readonly (readonly unknown[])[]): unknown[][] {
  const long = domains.map((values) => values.length >= COUNTS.length);
  const size = Math.max(0, ...domains.filter((_, i) => long[i]).map((values) => values.length));
  const pairs: number[][] = [];
  if (size === 0) pairs.push(domains.map(() => 0));
  for (let i = 0; i < size; i++)
    for (let j = 0; j < (long.filter(Boolean).length > 1 ? size : 1); j++) {
      let k = 0;
      pairs.push(domains.map((values, p) => (long[p] ? (i + k++ * j) % values.length : 0)));
    }
  const combos: number[][] = [];
  for (const base of pairs) {
    let expanded = [base];
    domains.forEach((values, p) => {
      if (long[p]) return;
      expanded = expanded.flatMap((combo) => values.map((_, v) => combo.map((index, q) => (q === p ? v : index))));
    });
    combos.push(...expanded);
  }
  const seen = new Set<string>();
  return combos
    .map((combo) => combo.map((index, p) => domains[p]![index]))
    .filter((args) => {
      const id = JSON.stringify(args);
      return seen.has(id) ? false : (seen.add(id), true);
    });
}

/** What a strings object renders: every plain leaf by its path, and every function's output for each of its samples. */
export interface RenderedStrings {
  texts: Record<string, string | readonly string[]>;
  calls: Record<string, string[]>;
}

/** The sample argument lists of every function, by path (`retryAfter`, `tagReasons.traitSet`). */
export function allSamples(): Record<string, unknown[][]> {
  const samples: Record<string, unknown[][]> = {};
  for (const [key, domains] of Object.entries(SAMPLE_DOMAINS)) samples[key] = sampleArguments(domains as readonly (readonly unknown[])[]);
  for (const [key, domains] of Object.entries(TAG_REASON_SAMPLE_DOMAINS))
    samples[`tagReasons.${key}`] = sampleArguments(domains as readonly (readonly unknown[])[]);
  return samples;
}

/** Renders `strings` for `locale` (its `LocaleNumbers` as last argument) with the given samples. */
export function renderStrings(strings: DozorStrings, locale: string, samples: Record<string, unknown[][]>): RenderedStrings {
  const numbers = localeNumbers(locale);
  const rendered: RenderedStrings = { texts: {}, calls: {} };
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'function') {
      // A function added after the samples were frozen has none: the comparison leaves it out.
      const calls = samples[path];
      if (calls) rendered.calls[path] = calls.map((args) => (value as (...a: unknown[]) => string)(...args, numbers));
    } else if (typeof value === 'string' || Array.isArray(value)) {
      rendered.texts[path] = value as string | string[];
    } else {
      for (const [key, inner] of Object.entries(value as object)) walk(inner, path ? `${path}.${key}` : key);
    }
  };
  walk(strings, '');
  return rendered;
}
