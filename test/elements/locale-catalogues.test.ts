/**
 * The shipped translations render exactly what the hand-written TypeScript tables they replaced
 * rendered: every plain string, and every function for each sample of
 * test/fixtures/locales/expected.json (counts 0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1.5, …; written once
 * by test/fixtures/locales/generate.ts from the old tables, never by hand).
 */
import { expect } from '@open-wc/testing';
import de from '../../src/locales/de.js';
import es from '../../src/locales/es.js';
import fr from '../../src/locales/fr.js';
import ja from '../../src/locales/ja.js';
import uk from '../../src/locales/uk.js';
import fixture from '../fixtures/locales/expected.json' with { type: 'json' };
import { renderStrings, type RenderedStrings } from './locale-samples.js';

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
