import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compileMessage, localeNumbers, MessageSyntaxError, parseMessage, type PluralForms } from '../../src/core/index.js';

const de = localeNumbers('de');
const uk = localeNumbers('uk');
const run = (text: string, names: string[], values: unknown[], numbers = localeNumbers('en')) =>
  compileMessage(text, names)(values as never[], numbers);

/** The error `text` throws when compiled, or undefined. */
function syntaxError(text: string, names: string[] = ['count', 'name']): MessageSyntaxError | undefined {
  try {
    compileMessage(text, names, { key: 'sample' });
  } catch (error) {
    if (error instanceof MessageSyntaxError) return error;
    throw error;
  }
  return undefined;
}

/** `text` as message syntax that reads as `text` again (`#` is syntax in a plural only). */
const quote = (text: string, inPlural: boolean) => text.replace(/'/g, "''").replace(inPlural ? /[{}#]+/g : /[{}]+/g, (run) => `'${run}'`);

describe('core/messages', () => {
  describe('placeholders', () => {
    it('puts arguments in by name, in the order of the names', () => {
      expect(run('{b} before {a}', ['a', 'b'], ['A', 'B'])).to.equal('B before A');
      expect(run('{ a }{a}', ['a'], ['x'])).to.equal('xx');
      expect(run('{w}×{h}', ['w', 'h'], [1920, 1.5], de)).to.equal('1920×1.5');
    });

    it('formats numbers and shares with the numbers it is given, and joins lists', () => {
      expect(run('{n, number} · {share, number, percent}', ['n', 'share'], [12345.5, 0.42], de)).to.equal(
        `${de.number(12345.5)} · ${de.percent(0.42)}`,
      );
      expect(run('{keys, list} | {keys, list, 、} | {keys}', ['keys'], [['a', 'b']])).to.equal('a, b | a、b | a, b');
    });

    it('formats for its own locale when the caller gives no numbers', () => {
      expect(compileMessage('{n, number}', ['n'], { locale: 'de' })([1234.5])).to.equal(de.number(1234.5));
      expect(compileMessage('{n, number}', ['n'])([1234.5])).to.equal(localeNumbers('en').number(1234.5));
    });

    it('never reads an argument as syntax', () => {
      fc.assert(
        fc.property(fc.string(), (value) => {
          expect(run('<{v}>', ['v'], [value])).to.equal(`<${value}>`);
          expect(run('{n, plural, other {# {v}}}', ['n', 'v'], [2, value])).to.equal(`2 ${value}`);
        }),
      );
    });
  });

  describe('plural', () => {
    const forms = { one: '# секунду', few: '# секунди', many: '# секунд', other: '# секунди' };
    const message = '{n, plural, one {# секунду} few {# секунди} many {# секунд} other {# секунди}}';

    it('picks the form Intl.PluralRules of the caller’s locale selects, # the formatted count', () => {
      const texts = [0, 1, 2, 5, 21, 22, 1.5].map((n) => run(message, ['n'], [n], uk));
      expect(texts).to.deep.equal(['0 секунд', '1 секунду', '2 секунди', '5 секунд', '21 секунду', '22 секунди', '1,5 секунди']);
    });

    it('reads as LocaleNumbers.plural, for any count and locale', () => {
      const categories = ['zero', 'one', 'two', 'few', 'many'] as const;
      fc.assert(
        fc.property(
          fc.constantFrom('en', 'de', 'fr', 'es', 'uk', 'ja', 'ar', 'pl', 'cy'),
          fc.oneof(fc.nat(1_000_000), fc.double({ min: 0, max: 1000, noNaN: true })),
          fc.subarray([...categories]),
          (locale, n, present) => {
            const given: PluralForms = { other: 'other #' };
            for (const category of present) given[category] = `${category} #`;
            const text = `{n, plural, ${Object.entries(given)
              .map(([category, form]) => `${category} {${form}}`)
              .join(' ')}}`;
            const numbers = localeNumbers(locale);
            expect(run(text, ['n'], [n], numbers)).to.equal(numbers.plural(n, given));
          },
        ),
      );
    });

    it('prefers an exact value, and falls back to other', () => {
      const text = '{n, plural, =0 {none} =1 {just one} one {# one} other {# more}}';
      expect([0, 1, 21, 3].map((n) => run(text, ['n'], [n], uk))).to.deep.equal(['none', 'just one', '21 one', '3 more']);
      expect(run('{n, plural, one {# one} other {# other}}', ['n'], [3], uk)).to.equal('3 other');
      expect(run('{n, plural, one {# one} other {# other}}', ['n'], ['many'])).to.equal('many other');
    });

    it('nests: # is the innermost plural’s count, also inside a select', () => {
      const text = '{a, plural, one {# a, {b, plural, one {# b} other {# bs}}} other {# as {kind, select, x {(# x)} other {}}}}';
      expect(run(text, ['a', 'b', 'kind'], [1, 2, 'x'])).to.equal('1 a, 2 bs');
      expect(run(text, ['a', 'b', 'kind'], [3, 1, 'x'])).to.equal('3 as (3 x)');
      expect(run('# {n, plural, other {#}} #', ['n'], [4])).to.equal('# 4 #');
    });
  });

  describe('select', () => {
    const text = '{v, select, identified {known} null {nothing} true {yes} false {no} 0 {zero} other {else}}';
    it('picks the branch named by the value, else other', () => {
      const picks = ['identified', null, true, false, 0, 'anonymous', undefined].map((v) => run(text, ['v'], [v]));
      expect(picks).to.deep.equal(['known', 'nothing', 'yes', 'no', 'zero', 'else', 'else']);
    });

    it('keeps the null, true and false branches for those values: a view named "null" is text', () => {
      expect(['null', 'true', 'false'].map((v) => run(text, ['v'], [v]))).to.deep.equal(['else', 'else', 'else']);
      expect(run('{a, select, null {Views} other {View: {a}}}', ['a'], ['null'])).to.equal('View: null');
    });

    it('may leave a branch empty', () => {
      expect(run('Session{open, select, true {, live} other {}}.', ['open'], [false])).to.equal('Session.');
    });
  });

  describe('quoting', () => {
    it("reads '' as an apostrophe, quotes braces and # after an apostrophe, and leaves any other apostrophe", () => {
      expect(run("l'été, l''{n}, '{n}' '}' ''", ['n'], [1])).to.equal("l'été, l'1, {n} } '");
      expect(run("{n, plural, other {# '#' n'#'}}", ['n'], [2])).to.equal('2 # n#');
      expect(run("'#' stays '#'", [], [])).to.equal("'#' stays '#'");
      expect(run("'{a ''quoted'' {b}}'", [], [])).to.equal("{a 'quoted' {b}}");
    });

    it('quotes any text back to itself', () => {
      fc.assert(
        fc.property(fc.string(), (text) => {
          expect(run(`{n, plural, other {${quote(text, true)}}}`, ['n'], [1])).to.equal(text);
          expect(run(quote(text, false), [], [])).to.equal(text);
        }),
      );
    });
  });

  describe('malformed messages', () => {
    const cases: [string, RegExp, number][] = [
      ['Updated {name', /never closed/, 8],
      ['{count, plural, one {# day} other {# days}', /never closed/, 0],
      ['{count, plural, one {# day} other {# days}}}', /closes nothing/, 43],
      ['Hello {nam}', /unknown placeholder \{nam\}; this message has \{count\}, \{name\}/, 7],
      ['{count, plural, one {# day}}', /has no "other" branch/, 0],
      ['{name, select, a {A}}', /has no "other" branch/, 0],
      ['{count, date}', /unknown format "date"/, 8],
      ['{count, plural, single {#} other {#}}', /unknown plural branch "single"/, 16],
      ['{count, plural, one {#} one {#} other {#}}', /the branch "one" twice/, 24],
      ['{count, number, currency}', /unknown number style "currency"/, 15],
      ["it's '{quoted", /quote that is never closed/, 5],
      ['{}', /expected a placeholder name/, 1],
      ['{count plural}', /expected "," or "}"/, 7],
      ['{count, plural, one # other {#}}', /expected "\{" after the branch "one"/, 20],
    ];
    for (const [text, reason, offset] of cases) {
      it(`rejects ${JSON.stringify(text)}`, () => {
        const error = syntaxError(text);
        expect(error, 'a MessageSyntaxError').to.be.instanceOf(MessageSyntaxError);
        expect(error!.name).to.equal('MessageSyntaxError');
        expect(error!.reason).to.match(reason);
        expect(error!.offset).to.equal(offset);
        expect(error!.key).to.equal('sample');
        expect(error!.message).to.contain('Message "sample"').and.contain(JSON.stringify(text));
      });
    }

    it('accepts what it renders, and parses into parts that name their arguments by index', () => {
      expect(syntaxError('{count, plural, =0 {none} other {# {name}}}')).to.equal(undefined);
      const [part] = parseMessage('{name, select, a {A} other {B}}', ['count', 'name']);
      expect(part?.kind === 'select' && part.index).to.equal(1);
    });
  });
});
