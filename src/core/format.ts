import { toMs, type Timestamp } from './time.js';

export const DEFAULT_LOCALE = 'en';

/** What a duration shows: two parts at most, no seconds once hours show. */
export interface DurationParts {
  hours?: number;
  minutes?: number;
  seconds?: number;
}

/** 0 → 0 s, 125 → 2 min 5 s, 3600 → 1 h, 3661 → 1 h 1 min (seconds dropped); unreadable or negative → 0 s. */
export function durationParts(seconds: number): DurationParts {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
  if (total < 60) return { seconds: total };
  if (total < 3600) {
    const s = total % 60;
    return s === 0 ? { minutes: Math.floor(total / 60) } : { minutes: Math.floor(total / 60), seconds: s };
  }
  const totalMinutes = Math.floor(total / 60);
  const m = totalMinutes % 60;
  return m === 0 ? { hours: Math.floor(totalMinutes / 60) } : { hours: Math.floor(totalMinutes / 60), minutes: m };
}

type DurationStyle = 'narrow' | 'short';

/** `Intl.DurationFormat` (ES2025), typed here because the project's lib predates it. */
type DurationFormatConstructor = new (
  locale: string,
  options: { style: DurationStyle; secondsDisplay?: 'always' },
) => {
  format(duration: DurationParts): string;
  /** Each part names its unit, the separators between units none. */
  formatToParts?(duration: DurationParts): { value: string; unit?: string }[];
};

const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;

const DURATION_UNITS = [
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
] as const;

/**
 * Narrow units ("7m 20s", "7 Min., 20 Sek.") fit table cells; where a language's narrow units are
 * Latin letters or single letters (Japanese "7m20s", Ukrainian "7х і 20с") the short ones read better.
 */
const SHORT_DURATION_LANGUAGES = new Set(['ja', 'uk']);

function durationStyle(locale: string): DurationStyle {
  return SHORT_DURATION_LANGUAGES.has(locale.split('-')[0]!.toLowerCase()) ? 'short' : 'narrow';
}

/**
 * A duration in the locale's units ("7m 20s", "7 Min., 20 Sek.", "7 分 20 秒"), through
 * `Intl.DurationFormat` where the runtime has it, else the same units from `Intl.NumberFormat`
 * joined by `Intl.ListFormat` (what `DurationFormat` does, for runtimes that lack it). The spaces
 * inside a unit are no-break spaces, so a line breaks only between units.
 */
export function formatDuration(seconds: number, locale: string = DEFAULT_LOCALE): string {
  const parts = durationParts(seconds);
  const shown = (parts.hours ?? 0) * 3600 + (parts.minutes ?? 0) * 60 + (parts.seconds ?? 0);
  let texts = durationTexts.get(locale);
  if (!texts) {
    texts = new Map();
    durationTexts.set(locale, texts);
  }
  let text = texts.get(shown);
  if (text === undefined) {
    if (texts.size >= DURATION_TEXTS_KEPT) texts.clear();
    text = formatDurationParts(parts, locale);
    texts.set(shown, text);
  }
  return text;
}

/**
 * Durations already formatted, by locale and shown seconds: every row's active time is formatted again
 * on each window shift, and `Intl.DurationFormat` costs about as much as rendering the rest of the row.
 */
const durationTexts = new Map<string, Map<number, string>>();

/** A unit's own spaces ("20 Sek.") do not break: a duration too long for its cell wraps between its units. */
const unbreakable = (text: string): string => text.replace(/ /g, '\u00a0');
const DURATION_TEXTS_KEPT = 5000;

function formatDurationParts(parts: DurationParts, locale: string): string {
  const style = durationStyle(locale);
  if (DurationFormat) {
    // DurationFormat hides zero fields, so "0 s" needs its seconds shown explicitly.
    const secondsOnly = parts.seconds !== undefined && parts.minutes === undefined;
    const options = DURATION_OPTIONS[style][secondsOnly ? 'secondsOnly' : 'any'];
    const formatter = formatterFor(options, locale, () => new DurationFormat(locale, options));
    if (!formatter.formatToParts) return formatter.format(parts);
    return formatter
      .formatToParts(parts)
      .map((part) => (part.unit === undefined ? part.value : unbreakable(part.value)))
      .join('');
  }
  const texts = DURATION_UNITS.filter(([field]) => parts[field] !== undefined).map(([field, unit]) => {
    const options = UNIT_OPTIONS[style][unit];
    return unbreakable(formatterFor(options, locale, () => new Intl.NumberFormat(locale, options)).format(parts[field]!));
  });
  const listOptions = LIST_OPTIONS[style];
  return formatterFor(listOptions, locale, () => new Intl.ListFormat(locale, listOptions)).format(texts);
}

// Formatters by their options object, then by locale: the options are constants, so a lookup is two
// map reads, with no key string built (formatting runs for every cell of every rendered row).
const formatters = new WeakMap<object, Map<string, object>>();

function formatterFor<T extends object>(options: object, locale: string, make: () => T): T {
  let byLocale = formatters.get(options);
  if (!byLocale) {
    byLocale = new Map();
    formatters.set(options, byLocale);
  }
  let formatter = byLocale.get(locale) as T | undefined;
  if (!formatter) {
    formatter = make();
    byLocale.set(locale, formatter);
  }
  return formatter;
}

const styled = <T>(make: (style: DurationStyle) => T): Record<DurationStyle, T> => ({ narrow: make('narrow'), short: make('short') });
const DURATION_OPTIONS = styled((style) => ({ any: { style }, secondsOnly: { style, secondsDisplay: 'always' as const } }));
const UNIT_OPTIONS = styled(
  (style) =>
    Object.fromEntries(
      DURATION_UNITS.map(([, unit]) => [unit, { style: 'unit', unit, unitDisplay: style } satisfies Intl.NumberFormatOptions]),
    ) as Record<(typeof DURATION_UNITS)[number][1], Intl.NumberFormatOptions>,
);
const LIST_OPTIONS = styled((style) => ({ type: 'unit', style }) satisfies Intl.ListFormatOptions);
const UNIT_LIST_OPTIONS: Intl.ListFormatOptions = { type: 'unit' };
const RELATIVE_OPTIONS: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };
const COUNT_OPTIONS: Intl.NumberFormatOptions = {};
const PERCENT_OPTIONS: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };
const DATE_OPTIONS: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const AXIS_DAY_OPTIONS: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit' };
const AXIS_TIME_OPTIONS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

function relativeFormatter(locale: string): Intl.RelativeTimeFormat {
  return formatterFor(RELATIVE_OPTIONS, locale, () => new Intl.RelativeTimeFormat(locale, RELATIVE_OPTIONS));
}

function nowMs(now: number | Date): number {
  return typeof now === 'number' ? now : now.getTime();
}

/**
 * "just now", "30 seconds ago", "5 minutes ago", "yesterday", "in 2 minutes"… (reference §2.12
 * staircase, each step rounding the previous one), all through `Intl.RelativeTimeFormat`.
 * An unreadable date gives ''.
 */
export function formatRelative(
  date: Timestamp,
  now: number | Date = Date.now(),
  locale: string = DEFAULT_LOCALE,
  strings: { justNow?: string } = {},
): string {
  const ms = toMs(date);
  if (!Number.isFinite(ms)) return '';
  const rtf = relativeFormatter(locale);
  const diff = Math.round((nowMs(now) - ms) / 1000);
  if (Math.abs(diff) < 5) {
    if (strings.justNow !== undefined) return strings.justNow;
    return locale.toLowerCase().startsWith('en') ? 'just now' : rtf.format(0, 'second');
  }
  if (Math.abs(diff) < 60) return rtf.format(-diff, 'second');
  const minutes = Math.round(diff / 60);
  if (Math.abs(minutes) < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return rtf.format(-hours, 'hour');
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 30) return rtf.format(-days, 'day');
  const months = Math.round(days / 30);
  if (Math.abs(months) < 12) return rtf.format(-months, 'month');
  return rtf.format(-Math.round(months / 12), 'year');
}

/** How long until `formatRelative` can change its text, so a ticking element wakes only when needed. */
export function nextRelativeChangeMs(date: Timestamp, now: number | Date = Date.now()): number {
  const elapsed = Math.abs(nowMs(now) - toMs(date));
  if (!Number.isFinite(elapsed) || elapsed < 60_000) return 1000;
  if (elapsed < 3_600_000) return 15_000;
  return 60_000;
}

export function formatCount(n: number, locale: string = DEFAULT_LOCALE): string {
  return formatterFor(COUNT_OPTIONS, locale, () => new Intl.NumberFormat(locale, COUNT_OPTIONS)).format(n);
}

/** 0.42 → "42%". */
export function formatPercent(share: number, locale: string = DEFAULT_LOCALE): string {
  return formatterFor(PERCENT_OPTIONS, locale, () => new Intl.NumberFormat(locale, PERCENT_OPTIONS)).format(share);
}

/** Texts joined as the locale lists units, without "and" ("Buyer, Work info"; "Käufer, Berufsangaben"). */
export function formatUnitList(texts: readonly string[], locale: string = DEFAULT_LOCALE): string {
  return formatterFor(UNIT_LIST_OPTIONS, locale, () => new Intl.ListFormat(locale, UNIT_LIST_OPTIONS)).format(texts);
}

/**
 * Throws a RangeError for an unreadable date. The formatter is kept per `options` object: pass a
 * constant (a fresh object each call still formats right, but builds a new formatter every time).
 */
export function formatDateTime(date: Timestamp, options: Intl.DateTimeFormatOptions, locale: string = DEFAULT_LOCALE): string {
  const ms = toMs(date);
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid date: ${String(date)}`);
  return formatterFor(options, locale, () => new Intl.DateTimeFormat(locale, options)).format(ms);
}

export function formatDate(date: Timestamp, locale: string = DEFAULT_LOCALE): string {
  return formatDateTime(date, DATE_OPTIONS, locale);
}

/** The first `length` characters and an ellipsis, or the id unchanged when it is short enough. */
export function truncateId(id: string, length = 8): string {
  return id.length > length ? `${id.slice(0, length)}…` : id;
}

/**
 * The user row's subtitles with duplicates suppressed (reference §2.13): externalId unless it is
 * already the title, and a string `traits.email` unless it repeats the title or the externalId.
 */
export function userSubtitles(user: { displayName: string; externalId: string; traits: Record<string, unknown> | null | undefined }): {
  externalId: string | null;
  email: string | null;
} {
  const traits = user.traits;
  const rawEmail = traits && Object.prototype.hasOwnProperty.call(traits, 'email') ? traits['email'] : undefined;
  const email = typeof rawEmail === 'string' ? rawEmail : null;
  return {
    externalId: user.displayName !== user.externalId ? user.externalId : null,
    email: email !== null && email !== user.displayName && email !== user.externalId ? email : null,
  };
}

/** Evenly spaced axis labels across a window (0 % … 100 %): day/month for 7d, hour:minute otherwise. */
export function formatAxisTicks(
  windowStart: number,
  windowEnd: number,
  range: '6h' | '24h' | '7d',
  locale: string = DEFAULT_LOCALE,
  count = 7,
): { t: number; position: number; label: string }[] {
  const options = range === '7d' ? AXIS_DAY_OPTIONS : AXIS_TIME_OPTIONS;
  const steps = Math.max(1, count - 1);
  return Array.from({ length: Math.max(2, count) }, (_, i) => {
    const t = windowStart + ((windowEnd - windowStart) * i) / steps;
    return { t, position: (i / steps) * 100, label: formatDateTime(t, options, locale) };
  });
}
