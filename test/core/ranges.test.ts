import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  ACTIVITY_RANGES,
  bucketGrid,
  bucketStart,
  DEFAULT_ACTIVITY_RANGE,
  isActivityRange,
  PAGE_DISTRIBUTION_INITIAL,
  PAGE_DISTRIBUTION_MAX,
  PAGE_DISTRIBUTION_STEP,
  parseRange,
  rangeConfig,
  rangeWindow,
  type ActivityBucket,
  type ActivityRange,
} from '../../src/core/index.js';

const T0 = Date.UTC(2026, 0, 1); // aligned to 5 min, 15 min and 1 h

describe('core/ranges', () => {
  it('has the constants of reference §0', () => {
    expect(ACTIVITY_RANGES).to.deep.equal(['6h', '24h', '7d']);
    expect(DEFAULT_ACTIVITY_RANGE).to.equal('24h');
    expect([PAGE_DISTRIBUTION_INITIAL, PAGE_DISTRIBUTION_STEP, PAGE_DISTRIBUTION_MAX]).to.deep.equal([5, 10, 500]);
  });

  it('rangeConfig gives each window, bucket and count', () => {
    expect(rangeConfig('6h')).to.deep.equal({ range: '6h', windowMs: 21_600_000, bucketMs: 300_000, bucketCount: 72 });
    expect(rangeConfig('24h')).to.deep.equal({ range: '24h', windowMs: 86_400_000, bucketMs: 900_000, bucketCount: 96 });
    expect(rangeConfig('7d')).to.deep.equal({ range: '7d', windowMs: 604_800_000, bucketMs: 3_600_000, bucketCount: 168 });
  });

  it('rangeConfig returns a copy', () => {
    const a = rangeConfig('6h');
    a.bucketMs = 1;
    expect(rangeConfig('6h').bucketMs).to.equal(300_000);
  });

  it('rangeConfig throws a RangeError for anything else', () => {
    for (const bad of ['1h', '24H', '', 'constructor', undefined, null, 24]) {
      expect(() => rangeConfig(bad as unknown as ActivityRange), String(bad)).to.throw(RangeError);
    }
  });

  it('parseRange is lenient: exact literals, else 24h', () => {
    expect(parseRange('6h')).to.equal('6h');
    expect(parseRange('24h')).to.equal('24h');
    expect(parseRange('7d')).to.equal('7d');
    for (const bad of ['7D', ' 6h', '6h ', '30d', '', null, undefined, 6, ['6h'], 'toString']) {
      expect(parseRange(bad), String(bad)).to.equal('24h');
    }
  });

  it('isActivityRange', () => {
    expect(isActivityRange('7d')).to.equal(true);
    expect(isActivityRange('7 d')).to.equal(false);
    expect(isActivityRange(7)).to.equal(false);
  });

  it('rangeWindow ends at now and is not aligned', () => {
    const now = T0 + 123_456;
    expect(rangeWindow('6h', now)).to.deep.equal({ from: now - 21_600_000, to: now });
    expect(rangeWindow('24h', now)).to.deep.equal({ from: now - 86_400_000, to: now });
    expect(rangeWindow('7d', now)).to.deep.equal({ from: now - 604_800_000, to: now });
  });

  it('bucketStart floors to epoch multiples', () => {
    expect(bucketStart(T0, 300_000)).to.equal(T0);
    expect(bucketStart(T0 + 299_999, 300_000)).to.equal(T0);
    expect(bucketStart(T0 + 300_000, 300_000)).to.equal(T0 + 300_000);
    expect(bucketStart(T0 - 1, 3_600_000)).to.equal(T0 - 3_600_000);
    expect(bucketStart(0, 900_000)).to.equal(0);
  });

  describe('bucketGrid', () => {
    it('has bucketCount + 1 slots when from is unaligned (73 / 97 / 169)', () => {
      const cases: [ActivityRange, number][] = [
        ['6h', 73],
        ['24h', 97],
        ['7d', 169],
      ];
      for (const [range, slots] of cases) {
        const { windowMs, bucketMs } = rangeConfig(range);
        const from = T0 + 1;
        expect(bucketGrid([], from, from + windowMs, bucketMs), range).to.have.length(slots);
        const from2 = T0 + 123_457;
        expect(bucketGrid([], from2, from2 + windowMs, bucketMs), range).to.have.length(slots);
      }
    });

    it('has bucketCount slots when from is aligned (72 / 96 / 168)', () => {
      const cases: [ActivityRange, number][] = [
        ['6h', 72],
        ['24h', 96],
        ['7d', 168],
      ];
      for (const [range, slots] of cases) {
        const { windowMs, bucketMs } = rangeConfig(range);
        expect(bucketGrid([], T0, T0 + windowMs, bucketMs), range).to.have.length(slots);
      }
    });

    it('starts at the aligned floor and fills gaps with empty slots', () => {
      const grid = bucketGrid([], T0 + 1, T0 + 900_001, 300_000);
      expect(grid).to.deep.equal([
        { t: '2026-01-01T00:00:00.000Z', total: 0, byPage: [] },
        { t: '2026-01-01T00:05:00.000Z', total: 0, byPage: [] },
        { t: '2026-01-01T00:10:00.000Z', total: 0, byPage: [] },
        { t: '2026-01-01T00:15:00.000Z', total: 0, byPage: [] },
      ]);
    });

    it('keeps served data in its slot and drops buckets outside the window', () => {
      const served: ActivityBucket[] = [
        { t: '2025-12-31T23:55:00.000Z', total: 99, byPage: [{ pathname: '/old', count: 99 }] },
        {
          t: '2026-01-01T00:05:00.000Z',
          total: 4,
          byPage: [
            { pathname: '/a', count: 3 },
            { pathname: '/b', count: 1 },
          ],
        },
        { t: '2026-01-01T00:15:00.000Z', total: 7, byPage: [{ pathname: '/late', count: 7 }] },
      ];
      const grid = bucketGrid(served, T0, T0 + 900_000, 300_000);
      expect(grid).to.deep.equal([
        { t: '2026-01-01T00:00:00.000Z', total: 0, byPage: [] },
        {
          t: '2026-01-01T00:05:00.000Z',
          total: 4,
          byPage: [
            { pathname: '/a', count: 3 },
            { pathname: '/b', count: 1 },
          ],
        },
        { t: '2026-01-01T00:10:00.000Z', total: 0, byPage: [] },
      ]);
      // The grid copies, so editing it leaves the served data alone.
      grid[1]!.byPage[0]!.count = 0;
      expect(served[1]!.byPage[0]!.count).to.equal(3);
    });

    it('matches served buckets by time, whatever the ISO spelling', () => {
      const grid = bucketGrid([{ t: '2026-01-01T00:05:00Z', total: 2, byPage: [] }], T0, T0 + 600_000, 300_000);
      expect(grid[1]!.total).to.equal(2);
    });

    it('is empty when to ≤ the aligned from', () => {
      expect(bucketGrid([], T0, T0, 300_000)).to.deep.equal([]);
      expect(bucketGrid([], T0 + 10, T0, 300_000)).to.deep.equal([]);
    });

    it('throws a RangeError for a non-positive bucket', () => {
      expect(() => bucketGrid([], T0, T0 + 1000, 0)).to.throw(RangeError);
      expect(() => bucketGrid([], T0, T0 + 1000, -5)).to.throw(RangeError);
      expect(() => bucketGrid([], T0, T0 + 1000, Number.NaN)).to.throw(RangeError);
    });

    it('property: consecutive aligned slots covering [from, to), each served in-window bucket once with its data', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(300_000, 900_000, 3_600_000),
          fc.integer({ min: T0 - 10 * 86_400_000, max: T0 + 10 * 86_400_000 }),
          fc.integer({ min: 1, max: 200 }),
          fc.integer({ min: 0, max: 3_599_999 }),
          fc.uniqueArray(fc.integer({ min: -5, max: 205 }), { maxLength: 40 }),
          (bucketMs, from, wholeBuckets, extra, servedOffsets) => {
            const to = from + wholeBuckets * bucketMs + (extra % bucketMs);
            const aligned = Math.floor(from / bucketMs) * bucketMs;
            const served: ActivityBucket[] = servedOffsets.map((k) => ({
              t: new Date(aligned + k * bucketMs).toISOString(),
              total: k + 1000,
              byPage: [{ pathname: `/p${k}`, count: k + 1000 }],
            }));
            const grid = bucketGrid(served, from, to, bucketMs);
            const times = grid.map((b) => Date.parse(b.t));
            expect(times[0]).to.equal(aligned);
            for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).to.equal(bucketMs);
            const last = times[times.length - 1]!;
            expect(last).to.be.lessThan(to);
            expect(last + bucketMs).to.be.at.least(to);
            for (const bucket of served) {
              const t = Date.parse(bucket.t);
              const matches = grid.filter((slot) => Date.parse(slot.t) === t);
              if (t >= aligned && t < to) {
                expect(matches).to.have.length(1);
                expect(matches[0]).to.deep.equal(bucket);
              } else {
                expect(matches).to.have.length(0);
              }
            }
            const servedTimes = new Set(served.map((b) => Date.parse(b.t)));
            for (const slot of grid) if (!servedTimes.has(Date.parse(slot.t))) expect(slot.total).to.equal(0);
          },
        ),
        { numRuns: 100 },
      );
    });
  });
});
