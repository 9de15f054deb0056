/**
 * The shipped translations (`dozor-elements/locales/*`): each has every key of the English defaults
 * (the type check already demands it; this also covers nested records at run time), every plural of its
 * catalogue (`src/locales/*.json`) covers the CLDR categories its language distinguishes, nothing is left untranslated beyond
 * a short reviewed list, and a registered translation reaches the elements by language.
 */
import { expect, fixture, html } from '@open-wc/testing';
import * as dozor from '../../src/index.js';
import {
  createMemoryBackend,
  parseMessage,
  registerTranslations,
  type DozorStrings,
  type LocaleNumbers,
  type MessagePart,
  type PluralForms,
  type TagReasonStrings,
} from '../../src/index.js';
import { STRING_PARAMETERS } from '../../src/elements/shared/catalogue.js';
import de from '../../src/locales/de.js';
import es from '../../src/locales/es.js';
import fr from '../../src/locales/fr.js';
import ja from '../../src/locales/ja.js';
import uk from '../../src/locales/uk.js';
import deMessages from '../../src/locales/de.json' with { type: 'json' };
import esMessages from '../../src/locales/es.json' with { type: 'json' };
import frMessages from '../../src/locales/fr.json' with { type: 'json' };
import jaMessages from '../../src/locales/ja.json' with { type: 'json' };
import ukMessages from '../../src/locales/uk.json' with { type: 'json' };
import { until } from '../wait.js';

const english = Object.assign(
  {},
  ...Object.entries(dozor)
    .filter(([name]) => name.endsWith('_STRINGS') && !name.startsWith('DEFAULT_'))
    .map(([, strings]) => strings),
) as DozorStrings;

type Args<F> = F extends (...args: infer A) => string ? (A extends [...infer Head, LocaleNumbers] ? Head : A) : never;
type FunctionKeys<T> = { [K in keyof T]-?: T[K] extends (...args: never[]) => string ? K : never }[keyof T];
/** Arguments for every string that is a function: a new one without samples fails the type check. */
type Samples<T> = { [K in FunctionKeys<T>]: Args<T[K]> };

const SAMPLES: Samples<DozorStrings> = {
  retryAfter: [21],
  updatedAgo: ['5 min'],
  kpiIdentifiedHint: [22],
  kpiChange: [0.12],
  projectsFilter: [2],
  statusesFilter: [0],
  showing: [5, 25, 'identified', true],
  limitedStatusFilter: [500],
  exporting: [100, 2000],
  profileLastSeen: ['5 min'],
  profileFirstSeen: ['01.02.2026'],
  profileSessionCount: [3],
  statAcross: [11],
  traitsKeyCount: [1],
  traitsShowAll: [12],
  traitKeyUse: ['email'],
  projectTraitKeyHelp: ['Production'],
  activityChartEvents: [1234],
  activityChartLabel: [120, 72, 14],
  activityChartBucketRange: ['10:00', '10:05'],
  activityChartPageCount: ['/pricing', 4],
  pagesUniqueCount: [5, 21],
  pagesShowMore: [10],
  journeyMeta: [4, '3 min', true],
  journeyLabel: [4],
  journeyTimeOnPage: ['1 min'],
  journeyGap: ['2 min'],
  journeyNotInRange: ['7d'],
  journeyTruncated: [100, 140],
  timelineMeta: [5, 2, '24 h'],
  timelineLabel: [5, 2],
  timelineBarLabel: ['abc', '1 min', true],
  timelinePages: ['1 min', 3],
  timelineTruncated: [500, 1200],
  sessionsShown: [24],
  sessionsShowJourney: ['abc'],
  sessionsScreen: [1920, 1080],
  tagsMore: [3, 'Buyer, Work info'],
  moveColumnEarlier: ['Status'],
  moveColumnLater: ['Status'],
  traitColumnLabel: ['plan'],
  viewsButton: ['Online'],
  deleteView: ['Online'],
  makeDefaultView: ['Online'],
  viewSaved: ['Online'],
  removeQuickFilter: ['Online now'],
  adjacentShowing: ['Ada'],
};
const TAG_REASON_SAMPLES: Samples<TagReasonStrings> = { sessions: [3], trackedFor: [61], traitSet: [['email', 'phone']], orders: [1] };

/** A LocaleNumbers that records the forms of every plural it is asked for. */
function recordingNumbers(locale: string, forms: PluralForms[]): LocaleNumbers {
  const real = dozor.localeNumbers(locale);
  return { ...real, plural: (n, given) => (forms.push(given), real.plural(n, given)) };
}

function callAll(strings: DozorStrings, numbers: LocaleNumbers): string[] {
  const call = (fn: unknown, args: readonly unknown[]) => (fn as (...a: unknown[]) => string)(...args, numbers);
  return [
    ...Object.entries(SAMPLES).map(([key, args]) => call(strings[key as keyof DozorStrings], args)),
    ...Object.entries(TAG_REASON_SAMPLES).map(([key, args]) => call(strings.tagReasons[key as keyof TagReasonStrings], args)),
  ];
}

const CATALOGUES: Record<string, unknown> = { de: deMessages, es: esMessages, fr: frMessages, ja: jaMessages, uk: ukMessages };

/**
 * The categories of every plural in a catalogue's messages, nested ones too (exact `=N` branches aside;
 * a plural of exact values and `other` alone, `{selected, plural, =0 {…} other {…}}`, picks no category).
 */
function pluralCategories(catalogue: unknown, table: object = STRING_PARAMETERS): string[][] {
  const inParts = (parts: readonly MessagePart[]): string[][] =>
    parts.flatMap((part) =>
      part.kind === 'plural'
        ? [
            ...(part.exact.size && Object.keys(part.forms).length === 1 ? [] : [Object.keys(part.forms)]),
            ...[...part.exact.values(), ...Object.values(part.forms)].flatMap((branch) => inParts(branch)),
          ]
        : part.kind === 'select'
          ? [...part.cases.values()].flatMap((branch) => inParts(branch))
          : [],
    );
  return Object.entries(table).flatMap(([key, entry]: [string, unknown]) => {
    const message = (catalogue as Record<string, unknown>)[key];
    if (Array.isArray(entry)) return inParts(parseMessage(message as string, entry as string[]));
    if (entry && typeof entry === 'object' && 'names' in entry) {
      const { names, derived } = entry as { names: string[]; derived: object };
      return inParts(parseMessage(message as string, [...names, ...Object.keys(derived)]));
    }
    return pluralCategories(message, entry as object);
  });
}

/** The shape of a strings object: key paths, with `()` for functions. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}()`];
  if (Array.isArray(value)) return [`${path}[${value.length}]`];
  if (value && typeof value === 'object')
    return Object.entries(value)
      .flatMap(([key, inner]) => shape(inner, path ? `${path}.${key}` : key))
      .sort();
  return [path];
}

/** Every plain string leaf that reads exactly as the English one. */
function sameAsEnglish(strings: unknown, reference: unknown, path = ''): string[] {
  if (typeof strings === 'string') return strings === reference ? [path] : [];
  if (strings && typeof strings === 'object' && !Array.isArray(strings)) {
    return Object.entries(strings).flatMap(([key, inner]) =>
      sameAsEnglish(inner, (reference as Record<string, unknown>)[key], path ? `${path}.${key}` : key),
    );
  }
  return [];
}

// Reviewed: words these languages use as they are (and symbols).
const SAME_AS_ENGLISH: Record<string, string[]> = {
  de: ['columnStatus', 'columnTags', 'emptyValue', 'pagesIndexColumn', 'sessionsDeviceKinds.tablet', 'statusLabels.ONLINE', 'tagsLabel'],
  fr: [
    'columnSessions',
    'emptyValue',
    'pagesPageColumn',
    'pagesTitle',
    'sessionsSessionColumn',
    'sessionsTitle',
    'statSessions',
    'statusLabels.DORMANT',
  ],
  es: ['emptyValue'],
  uk: ['emptyValue'],
  ja: ['emptyValue', 'pagesIndexColumn'],
};

describe('shipped translations', () => {
  for (const translation of [de, fr, es, uk, ja]) {
    describe(translation.locale, () => {
      it('has every key of the English defaults, nested ones included', () => {
        expect(shape(translation.strings)).to.deep.equal(shape(english));
      });

      it(`gives every plural the categories ${translation.locale} distinguishes, and fills every #`, () => {
        const forms = pluralCategories(CATALOGUES[translation.locale]);
        const texts = callAll(translation.strings, dozor.localeNumbers(translation.locale));
        const categories = new Intl.PluralRules(translation.locale).resolvedOptions().pluralCategories;
        expect(forms.length).to.be.greaterThan(10);
        for (const given of forms) expect(given, JSON.stringify(given)).to.include.members(categories);
        for (const text of texts) expect(text).not.to.match(/#|undefined|NaN|\[object/);
      });

      it('translates every string, but for a reviewed few', () => {
        expect(sameAsEnglish(translation.strings, english).sort()).to.deep.equal(SAME_AS_ENGLISH[translation.locale]);
      });
    });
  }

  it('English plurals cover one and other too', () => {
    const forms: PluralForms[] = [];
    callAll(english, recordingNumbers('en', forms));
    for (const given of forms) expect(Object.keys(given)).to.include.members(['one', 'other']);
  });

  it('reach the elements by language (de-AT → de), and later registrations re-render them', async () => {
    const backend = createMemoryBackend({ generate: { seed: 'locales', users: 5, projects: 1, days: 3 } });
    const el = await fixture(html`<dozor-kpi-strip .backend=${backend} locale="es-MX"></dozor-kpi-strip>`);
    const label = () => el.shadowRoot!.querySelector('[part~="card-total"] [part="label"]')!.textContent!.trim();
    await until(() => label() === 'Total tracked', 'English before any registration');
    registerTranslations(es);
    await until(() => label() === 'Total seguidos', 'Spanish after registering es');
    expect(() => registerTranslations(de, { locale: 'not a tag', strings: {} })).to.throw(RangeError);
    el.setAttribute('locale', 'de-AT');
    await until(() => label() === 'Total tracked', 'a rejected registration registers nothing');
  });
});
