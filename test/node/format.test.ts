// Durations and plurals in Node 20, which has no Intl.DurationFormat: the fallback path of
// formatDuration (the browser tests cover Intl.DurationFormat itself), and Intl.PluralRules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { durationParts, formatDuration, localeNumbers } from '../../src/core/index.js';

describe('formatDuration without Intl.DurationFormat', () => {
  it('runs where DurationFormat is missing', () => {
    assert.equal('DurationFormat' in Intl, false);
  });

  it('keeps two parts at most, in each language, and breaks only between them', () => {
    const cases: [string, number, string][] = [
      ['en', 0, '0s'],
      ['en', 125, '2m 5s'],
      ['en', 3661, '1h 1m'],
      ['de', 440, '7\u00a0Min., 20\u00a0Sek.'],
      ['fr', 3900, '1h 5min'],
      ['es', 60, '1min'],
      ['uk', 440, '7\u00a0хв і 20\u00a0с'],
      ['ja', 3600, '1\u00a0時間'],
    ];
    for (const [locale, seconds, text] of cases) assert.equal(formatDuration(seconds, locale), text, `${locale} ${seconds}`);
  });
});

describe('durationParts', () => {
  it('drops seconds once hours show and reads bad input as zero', () => {
    assert.deepEqual(durationParts(59.6), { minutes: 1 });
    assert.deepEqual(durationParts(7201), { hours: 2 });
    assert.deepEqual(durationParts(-3), { seconds: 0 });
    assert.deepEqual(durationParts(Number.NaN), { seconds: 0 });
  });
});

describe('localeNumbers', () => {
  it('selects the plural form through Intl.PluralRules and localizes the number', () => {
    const forms = { one: '# сесія', few: '# сесії', many: '# сесій', other: '# сесії' };
    const uk = localeNumbers('uk');
    assert.deepEqual(
      [1, 3, 5, 21, 1.5, 12345].map((n) => uk.plural(n, forms)),
      ['1 сесія', '3 сесії', '5 сесій', '21 сесія', '1,5 сесії', '12\u00a0345 сесій'],
    );
    assert.equal(localeNumbers('de').plural(1234, { one: '# Sitzung', other: '# Sitzungen' }), '1.234 Sitzungen');
    assert.equal(
      localeNumbers('fr').plural(1_000_000, { one: '# session', many: '# de sessions', other: '# sessions' }),
      '1\u202f000\u202f000 de sessions',
    );
    assert.equal(localeNumbers('ja').plural(1, { one: 'unused', other: '#件' }), '1件');
    assert.equal(localeNumbers('fr').percent(0.42), '42\u00a0%');
  });
});
