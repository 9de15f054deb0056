/**
 * The shipped translations render exactly what the hand-written TypeScript tables they replaced
 * rendered: every plain string, and every function for each sample of
 * test/fixtures/locales/expected.json (counts 0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1.5, …; written once
 * from the old tables by the generate.ts of commit 0aa2596, never by hand). And a catalogue that is
 * wrong fails: a missing or misspelled key the type check, a malformed message its compilation.
 */
import { expect } from '@open-wc/testing';
import { localeNumbers, MessageSyntaxError, registerTranslations } from '../../src/index.js';
import { translationFor } from '../../src/elements/shared/translations.js';
import { compileTranslation } from '../../src/elements/shared/catalogue.js';
import de from '../../src/locales/de.js';
import es from '../../src/locales/es.js';
import fr from '../../src/locales/fr.js';
import ja from '../../src/locales/ja.js';
import uk from '../../src/locales/uk.js';
import deMessages from '../../src/locales/de.json' with { type: 'json' };
import fixture from '../fixtures/locales/expected.json' with { type: 'json' };
import { renderStrings, type RenderedStrings } from './locale-samples.js';
import type { DozorBackend } from '../../src/backend/index.js';
import { until } from '../wait.js';

const { samples, expected } = fixture as { samples: Record<string, unknown[][]>; expected: Record<string, RenderedStrings> };

describe('shipped translations render as the tables they replaced', () => {
  for (const translation of [de, es, fr, uk, ja]) {
    describe(translation.locale, () => {
      const rendered = renderStrings(translation.strings, translation.locale, samples);
      const want = expected[translation.locale]!;

      it('has the same plain strings', () => {
        for (const [path, text] of Object.entries(want.texts)) expect(rendered.texts[path], path).to.deep.equal(text);
      });

      it('renders every function the same for every sample', () => {
        let compared = 0;
        for (const [path, texts] of Object.entries(want.calls)) {
          const got = rendered.calls[path];
          expect(got, path).to.be.an('array');
          texts.forEach((text, i) => expect(got![i], `${path}(${JSON.stringify(samples[path]![i])})`).to.equal(text));
          compared += texts.length;
        }
        expect(compared).to.be.greaterThan(2000);
      });
    });
  }
});

describe('compiling a catalogue', () => {
  /** The MessageSyntaxError compiling `catalogue` throws (registering nothing), or undefined. */
  function compileError(catalogue: typeof deMessages): MessageSyntaxError | undefined {
    try {
      registerTranslations(compileTranslation('x-test', catalogue));
    } catch (error) {
      expect(translationFor('x-test'), 'nothing registered').to.equal(undefined);
      if (error instanceof MessageSyntaxError) return error;
      throw error;
    }
    return undefined;
  }

  it('makes functions of the messages and keeps the plain strings', () => {
    const { strings } = compileTranslation('de', deMessages);
    expect(strings.retry).to.equal(deMessages.retry);
    expect(strings.csvHeader).to.deep.equal(deMessages.csvHeader);
    expect(strings.updatedAgo('vor 5 Min.')).to.equal('Aktualisiert vor 5 Min.');
    expect(strings.tagReasons.traitSet(['email'])).to.equal('Eigenschaft email ist gesetzt');
    const change = compileTranslation('de', {
      ...deMessages,
      kpiChange: '{rising, select, true {+} other {−}}{size, number, percent} ({change, number})',
    });
    expect(change.strings.kpiChange(-0.5, localeNumbers('de'))).to.equal(`−${localeNumbers('de').percent(0.5)} (-0,5)`);
  });

  it('rejects a malformed message, naming its key, and registers nothing', () => {
    const cases: [typeof deMessages, string, RegExp][] = [
      [{ ...deMessages, updatedAgo: 'Aktualisiert {relative' }, 'updatedAgo', /never closed/],
      [
        { ...deMessages, updatedAgo: 'Aktualisiert {relativ}' },
        'updatedAgo',
        /unknown placeholder \{relativ\}; this message has \{relative\}/,
      ],
      [{ ...deMessages, retryAfter: '{seconds, plural, one {# Sekunde}}' }, 'retryAfter', /no "other" branch/],
      [
        { ...deMessages, tagReasons: { ...deMessages.tagReasons, traitSet: '{count, plural, =1 {{keys}} other {{key}}}' } },
        'tagReasons.traitSet',
        /unknown placeholder \{key\}/,
      ],
    ];
    for (const [catalogue, key, reason] of cases) {
      const error = compileError(catalogue);
      expect(error, key).to.be.instanceOf(MessageSyntaxError);
      expect(error!.key).to.equal(key);
      expect(error!.reason).to.match(reason);
      expect(error!.message).to.contain(`"${key}"`);
    }
  });

  it('rejects a catalogue without a message the strings need, or with data where a message goes', () => {
    const { retryAfter: _, ...withoutRetryAfter } = deMessages;
    // @ts-expect-error a catalogue without `retryAfter` is not a Catalogue<DozorStrings>
    expect(compileError(withoutRetryAfter)?.key).to.equal('retryAfter');
    // @ts-expect-error nor is one with a misspelled key
    expect(compileError({ ...withoutRetryAfter, retryAftr: deMessages.retryAfter })?.key).to.equal('retryAfter');
    // @ts-expect-error a message is text
    expect(compileError({ ...deMessages, updatedAgo: 12 })?.reason).to.equal('expected a message (text)');
  });
});

describe("a host's own catalogue", () => {
  it('compiles a part of the strings from the root export, and an element shows it over the English rest', async () => {
    const { compileTranslation: compile, createMemoryBackend } = await import('../../src/index.js');
    const italian = compile(
      'it-x-host',
      {
        retry: 'Riprova',
        statusLabels: { ONLINE: 'In linea', ACTIVE_24H: 'Attivo', IDLE_7D: 'Inattivo', DORMANT: 'Dormiente' },
        sessionsShown: '{count, plural, one {# sessione mostrata} other {# sessioni mostrate}}',
      },
      { partial: true },
    );
    expect(italian.strings.sessionsShown!(1, localeNumbers('it'))).to.equal('1 sessione mostrata');
    expect(italian.strings.sessionsShown!(1500, localeNumbers('it'))).to.equal(`${localeNumbers('it').number(1500)} sessioni mostrate`);
    registerTranslations(italian);
    const backend = createMemoryBackend({ generate: { seed: 3, projects: 1, users: 4, days: 2 } });
    const el = await fixtureOf(backend);
    const badges = () => [...el.shadowRoot!.querySelectorAll('[part="badge"] [part="label"]')].map((label) => label.textContent!.trim());
    await until(() => badges().length > 0, 'rows');
    expect(badges().every((label) => ['In linea', 'Attivo', 'Inattivo', 'Dormiente'].includes(label))).to.equal(true);
    // What the catalogue left out stays English.
    expect(el.shadowRoot!.querySelector('[part~="export-button"]')!.textContent!.trim()).to.equal('Export CSV');
    el.remove();
  });

  it('still wants a record it gives whole, and fails on a malformed message before anything is registered', () => {
    expect(() =>
      // @ts-expect-error a record replaces the default one, so it must be whole
      compileTranslation('it-x-broken', { tagReasons: { traitSet: 'Tratto {keys, list} impostato' } }, { partial: true }),
    ).to.throw(MessageSyntaxError, /tagReasons\./);
    expect(() => compileTranslation('it-x-broken', { sessionsShown: '{count, plural, one {#}}' }, { partial: true })).to.throw(
      MessageSyntaxError,
    );
    expect(translationFor('it-x-broken')).to.equal(undefined);
  });
});

async function fixtureOf(backend: DozorBackend): Promise<HTMLElement> {
  await import('../../src/elements/user-list/define.js');
  const el = document.createElement('dozor-user-list');
  (el as HTMLElement & { backend: DozorBackend }).backend = backend;
  el.setAttribute('locale', 'it-x-host');
  document.body.append(el);
  return el;
}
