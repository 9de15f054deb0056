import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, toIso, toMs, toMsOrNull } from '../../src/core/index.js';

describe('core/time', () => {
  it('has the unit constants', () => {
    expect(SECOND_MS).to.equal(1000);
    expect(MINUTE_MS).to.equal(60_000);
    expect(HOUR_MS).to.equal(3_600_000);
    expect(DAY_MS).to.equal(86_400_000);
  });

  it('toMs reads numbers, Dates and ISO strings', () => {
    expect(toMs(0)).to.equal(0);
    expect(toMs(1_700_000_000_000)).to.equal(1_700_000_000_000);
    expect(toMs(new Date(Date.UTC(2026, 0, 1)))).to.equal(1_767_225_600_000);
    expect(toMs('2026-01-01T00:00:00.000Z')).to.equal(1_767_225_600_000);
    expect(toMs('2026-01-01T00:00:00Z')).to.equal(1_767_225_600_000);
  });

  it('toMs gives NaN for empty, blank, unreadable and non-timestamp values', () => {
    expect(toMs('')).to.be.NaN;
    expect(toMs('   ')).to.be.NaN;
    expect(toMs('not a date')).to.be.NaN;
    expect(toMs(new Date('nope'))).to.be.NaN;
    expect(toMs({} as unknown as string)).to.be.NaN;
  });

  it('toMsOrNull maps missing and unreadable to null', () => {
    expect(toMsOrNull(null)).to.equal(null);
    expect(toMsOrNull(undefined)).to.equal(null);
    expect(toMsOrNull('')).to.equal(null);
    expect(toMsOrNull('garbage')).to.equal(null);
    expect(toMsOrNull(Number.NaN)).to.equal(null);
    expect(toMsOrNull(Number.POSITIVE_INFINITY)).to.equal(null);
    expect(toMsOrNull(0)).to.equal(0);
    expect(toMsOrNull('1970-01-01T00:00:01.000Z')).to.equal(1000);
  });

  it('toIso writes UTC ISO with milliseconds', () => {
    expect(toIso(0)).to.equal('1970-01-01T00:00:00.000Z');
    expect(toIso(1_767_225_600_123)).to.equal('2026-01-01T00:00:00.123Z');
  });

  it('toIso and toMs round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => toMs(toIso(ms)) === ms),
      { numRuns: 100 },
    );
  });
});
