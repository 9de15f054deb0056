import { compileMessage, MessageSyntaxError, type LocaleNumbers, type MessageValue } from '../../core/index.js';
import type { DozorStrings } from './strings.js';
import type { DozorTranslation } from './translations.js';

/**
 * Translations as data: a catalogue (`src/locales/de.json`) has the shape of a strings interface,
 * with a message (text, `core/messages.ts`) where the interface has a function, and is compiled into
 * the strings the elements call.
 */

type StringFunction = (...args: never[]) => string;
type Plain = string | readonly string[];

/** `T` as data: functions become messages, nested records nested catalogues. */
export type Catalogue<T> = { [K in keyof T]-?: T[K] extends StringFunction ? string : T[K] extends Plain ? T[K] : Catalogue<T[K]> };

/** A function's arguments without the trailing `LocaleNumbers`. */
type Args<F> = F extends (...args: infer A) => string ? (A extends [...infer Head, LocaleNumbers] ? Head : A) : never;
type Names<A> = { readonly [I in keyof A]: string };

/**
 * The placeholders of one function's message: its arguments' names in order, and, where a message
 * needs what an argument does not say itself, values worked out from the arguments (a sign, a length).
 */
export type MessageParameters<F> =
  Names<Args<F>> | { readonly names: Names<Args<F>>; readonly derived: Readonly<Record<string, (...args: Args<F>) => MessageValue>> };

/** For every function of `T` (nested ones too), its parameters; plain strings have none. */
export type ParameterTable<T> = {
  readonly [
    K in keyof T as T[K] extends StringFunction ? K : T[K] extends Plain ? never : keyof ParameterTable<T[K]> extends never ? never : K
  ]-?: T[K] extends StringFunction ? MessageParameters<T[K]> : ParameterTable<T[K]>;
};

/** The names each function-valued string's message may use (a new function without an entry fails the type check). */
export const STRING_PARAMETERS: ParameterTable<DozorStrings> = {
  retryAfter: ['seconds'],
  updatedAgo: ['relative'],
  tagsMore: ['count', 'labels'],
  tagReasons: {
    sessions: ['count'],
    trackedFor: ['days'],
    traitSet: { names: ['keys'], derived: { count: (keys) => keys.length } },
    orders: ['count'],
  },
  kpiIdentifiedHint: ['anonymous'],
  kpiChange: { names: ['change'], derived: { rising: (change) => change >= 0, size: (change) => Math.abs(change) } },
  projectsFilter: ['selected'],
  statusesFilter: ['selected'],
  showing: {
    names: ['shown', 'total', 'identity', 'filtered'],
    derived: { partial: (shown, total) => total !== null && total !== shown },
  },
  limitedStatusFilter: ['window'],
  exporting: ['done', 'total'],
  profileLastSeen: ['relative'],
  profileFirstSeen: ['date'],
  profileSessionCount: ['count'],
  statAcross: ['count'],
  traitsKeyCount: ['count'],
  traitsShowAll: ['count'],
  traitKeyUse: ['key'],
  projectTraitKeyHelp: ['projectName'],
  activityChartEvents: ['count'],
  activityChartLabel: ['events', 'buckets', 'peak'],
  activityChartBucketRange: ['start', 'end'],
  activityChartPageCount: ['pathname', 'count'],
  pagesUniqueCount: ['shown', 'total'],
  pagesShowMore: ['count'],
  journeyMeta: ['pages', 'timeOnPages', 'open'],
  journeyLabel: ['pages'],
  journeyTimeOnPage: ['duration'],
  journeyGap: ['duration'],
  journeyNotInRange: ['range'],
  journeyTruncated: ['shown', 'total'],
  timelineMeta: ['sessions', 'lanes', 'range'],
  timelineLabel: ['sessions', 'lanes'],
  timelineBarLabel: ['id', 'duration', 'open'],
  timelinePages: ['duration', 'pages'],
  timelineTruncated: ['shown', 'total'],
  sessionsShown: ['count'],
  sessionsShowJourney: ['id'],
  sessionsScreen: ['width', 'height'],
  moveColumnEarlier: ['label'],
  moveColumnLater: ['label'],
  traitColumnLabel: ['key'],
  viewsButton: ['active'],
  deleteView: ['name'],
  makeDefaultView: ['name'],
  viewSaved: ['name'],
  removeQuickFilter: ['label'],
  adjacentShowing: ['name'],
};

type Entry =
  readonly string[] | { readonly names: readonly string[]; readonly derived: Readonly<Record<string, (...args: never[]) => MessageValue>> };
type Table = { readonly [key: string]: Entry | Table };
const isEntry = (value: Entry | Table): value is Entry => Array.isArray(value) || 'names' in value;

/** One message as the function the strings interface expects: `(…arguments, numbers?) => string`. */
function compileEntry(text: unknown, entry: Entry, locale: string, key: string): (...args: unknown[]) => string {
  if (typeof text !== 'string') throw new MessageSyntaxError('expected a message (text)', String(text), 0, key);
  const { names, derived } = 'names' in entry ? entry : { names: entry, derived: {} };
  const derivers = Object.entries(derived) as [string, (...args: MessageValue[]) => MessageValue][];
  const message = compileMessage(text, [...names, ...derivers.map(([name]) => name)], { locale, key });
  return (...args) => {
    const values = args.slice(0, names.length) as MessageValue[];
    const numbers = args[names.length] as LocaleNumbers | undefined;
    return message(derivers.length ? [...values, ...derivers.map(([, derive]) => derive(...values))] : values, numbers);
  };
}

function compileRecord(
  catalogue: Record<string, unknown>,
  table: Table,
  locale: string,
  path: string,
  complete = true,
): Record<string, unknown> {
  const missing = complete ? Object.keys(table).find((key) => !(key in catalogue)) : undefined;
  if (missing !== undefined) throw new MessageSyntaxError('missing from the catalogue', '', 0, path + missing);
  return Object.fromEntries(
    Object.entries(catalogue).map(([key, value]) => {
      const entry = table[key];
      if (entry === undefined) return [key, value];
      if (isEntry(entry)) return [key, compileEntry(value, entry, locale, path + key)];
      if (!value || typeof value !== 'object') throw new MessageSyntaxError('expected a record of messages', String(value), 0, path + key);
      return [key, compileRecord(value as Record<string, unknown>, entry, locale, `${path}${key}.`)];
    }),
  );
}

/**
 * Compiles a catalogue into a translation for `registerTranslations`. Every message is compiled now:
 * a malformed one throws a `MessageSyntaxError` naming its key, and nothing is returned to register.
 * A complete catalogue (the shipped ones) must hold every key; with `{ partial: true }` (a host's own)
 * any top-level keys may be left out and stay as they were, while a record it gives (`statusLabels`)
 * is whole, since it replaces the default one.
 */
export function compileTranslation(locale: string, catalogue: Catalogue<DozorStrings>): DozorTranslation<DozorStrings>;
export function compileTranslation(
  locale: string,
  catalogue: Partial<Catalogue<DozorStrings>>,
  options: { partial: true },
): DozorTranslation;
export function compileTranslation(
  locale: string,
  catalogue: Partial<Catalogue<DozorStrings>>,
  options: { partial?: boolean } = {},
): DozorTranslation {
  const strings = compileRecord(catalogue, STRING_PARAMETERS, locale, '', !options.partial);
  return { locale, strings };
}
