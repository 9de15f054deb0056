import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { deriveStatus, parseStatus, STATUS_THRESHOLDS, USER_STATUSES, type StatusThresholds } from '../../src/core/index.js';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('core/status', () => {
  it('exposes the constants of reference §0', () => {
    expect(USER_STATUSES).to.deep.equal(['ONLINE', 'ACTIVE_24H', 'IDLE_7D', 'DORMANT']);
    expect({ ...STATUS_THRESHOLDS }).to.deep.equal({ ONLINE: 120_000, ACTIVE_24H: 86_400_000, IDLE_7D: 604_800_000 });
  });

  describe('deriveStatus', () => {
    it('is ONLINE up to and including 120000 ms, ACTIVE_24H 1 ms past', () => {
      expect(deriveStatus(NOW, NOW)).to.equal('ONLINE');
      expect(deriveStatus(NOW - 119_999, NOW)).to.equal('ONLINE');
      expect(deriveStatus(NOW - 120_000, NOW)).to.equal('ONLINE');
      expect(deriveStatus(NOW - 120_001, NOW)).to.equal('ACTIVE_24H');
    });
    it('is ACTIVE_24H up to and including 86400000 ms, IDLE_7D 1 ms past', () => {
      expect(deriveStatus(NOW - 86_400_000, NOW)).to.equal('ACTIVE_24H');
      expect(deriveStatus(NOW - 86_400_001, NOW)).to.equal('IDLE_7D');
    });
    it('is IDLE_7D up to and including 604800000 ms, DORMANT 1 ms past', () => {
      expect(deriveStatus(NOW - 604_800_000, NOW)).to.equal('IDLE_7D');
      expect(deriveStatus(NOW - 604_800_001, NOW)).to.equal('DORMANT');
      expect(deriveStatus(0, NOW)).to.equal('DORMANT');
    });
    it('treats never seen (null, undefined, empty, blank, invalid) as DORMANT', () => {
      expect(deriveStatus(null, NOW)).to.equal('DORMANT');
      expect(deriveStatus(undefined, NOW)).to.equal('DORMANT');
      expect(deriveStatus('', NOW)).to.equal('DORMANT');
      expect(deriveStatus('   ', NOW)).to.equal('DORMANT');
      expect(deriveStatus('yesterday-ish', NOW)).to.equal('DORMANT');
      expect(deriveStatus(new Date('invalid'), NOW)).to.equal('DORMANT');
      expect(deriveStatus(Number.NaN, NOW)).to.equal('DORMANT');
    });
    it('treats a future time as ONLINE (clock skew)', () => {
      expect(deriveStatus(NOW + 1, NOW)).to.equal('ONLINE');
      expect(deriveStatus(NOW + 3_600_000, NOW)).to.equal('ONLINE');
      expect(deriveStatus(NOW + 30 * 86_400_000, NOW)).to.equal('ONLINE');
    });
    it('accepts ISO strings, Dates and a Date as now', () => {
      expect(deriveStatus('2026-11-22T11:58:00.000Z', NOW)).to.equal('ONLINE');
      expect(deriveStatus('2026-11-22T11:57:59.999Z', NOW)).to.equal('ACTIVE_24H');
      expect(deriveStatus(new Date(NOW - 120_001), new Date(NOW))).to.equal('ACTIVE_24H');
      expect(deriveStatus(NOW - 2 * 86_400_000, new Date(NOW))).to.equal('IDLE_7D');
    });
    it('defaults now to the current time', () => {
      expect(deriveStatus(Date.now())).to.equal('ONLINE');
      expect(deriveStatus(Date.now() - 8 * 86_400_000)).to.equal('DORMANT');
    });
    it('honours custom thresholds at their inclusive bounds', () => {
      const croct: StatusThresholds = { ONLINE: 600_000, ACTIVE_24H: 3_600_000, IDLE_7D: 7_200_000 };
      expect(deriveStatus(NOW - 600_000, NOW, croct)).to.equal('ONLINE');
      expect(deriveStatus(NOW - 600_001, NOW, croct)).to.equal('ACTIVE_24H');
      expect(deriveStatus(NOW - 3_600_000, NOW, croct)).to.equal('ACTIVE_24H');
      expect(deriveStatus(NOW - 3_600_001, NOW, croct)).to.equal('IDLE_7D');
      expect(deriveStatus(NOW - 7_200_000, NOW, croct)).to.equal('IDLE_7D');
      expect(deriveStatus(NOW - 7_200_001, NOW, croct)).to.equal('DORMANT');
      expect(deriveStatus(null, NOW, croct)).to.equal('DORMANT');
      expect(deriveStatus(NOW + 1000, NOW, croct)).to.equal('ONLINE');
    });
    it('accepts equal adjacent thresholds (ascending, not strictly)', () => {
      const flat: StatusThresholds = { ONLINE: 1000, ACTIVE_24H: 1000, IDLE_7D: 1000 };
      expect(deriveStatus(NOW - 1000, NOW, flat)).to.equal('ONLINE');
      expect(deriveStatus(NOW - 1001, NOW, flat)).to.equal('DORMANT');
    });
    it('accepts a copy of the default thresholds', () => {
      expect(deriveStatus(NOW - 120_001, NOW, { ONLINE: 120_000, ACTIVE_24H: 86_400_000, IDLE_7D: 604_800_000 })).to.equal('ACTIVE_24H');
    });
    it('rejects non-ascending, non-positive or non-finite thresholds with a RangeError', () => {
      const bad: StatusThresholds[] = [
        { ONLINE: 10, ACTIVE_24H: 5, IDLE_7D: 20 },
        { ONLINE: 10, ACTIVE_24H: 30, IDLE_7D: 20 },
        { ONLINE: 300, ACTIVE_24H: 200, IDLE_7D: 100 },
        { ONLINE: 0, ACTIVE_24H: 5, IDLE_7D: 20 },
        { ONLINE: -1, ACTIVE_24H: 5, IDLE_7D: 20 },
        { ONLINE: 10, ACTIVE_24H: Number.NaN, IDLE_7D: 20 },
        { ONLINE: 10, ACTIVE_24H: 20, IDLE_7D: Number.POSITIVE_INFINITY },
      ];
      for (const t of bad) expect(() => deriveStatus(NOW, NOW, t)).to.throw(RangeError);
      // Even for a never-seen user the thresholds are validated.
      expect(() => deriveStatus(null, NOW, { ONLINE: 10, ACTIVE_24H: 5, IDLE_7D: 20 })).to.throw(RangeError);
    });
    it('maps every elapsed time to the bucket of the table (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: -1_000_000_000, max: 2_000_000_000 }), (elapsed) => {
          const expected =
            elapsed <= 120_000 ? 'ONLINE' : elapsed <= 86_400_000 ? 'ACTIVE_24H' : elapsed <= 604_800_000 ? 'IDLE_7D' : 'DORMANT';
          expect(deriveStatus(NOW - elapsed, NOW)).to.equal(expected);
        }),
        { numRuns: 100 },
      );
    });
  });

  describe('parseStatus', () => {
    it('returns each exact literal', () => {
      expect(parseStatus('ONLINE')).to.equal('ONLINE');
      expect(parseStatus('ACTIVE_24H')).to.equal('ACTIVE_24H');
      expect(parseStatus('IDLE_7D')).to.equal('IDLE_7D');
      expect(parseStatus('DORMANT')).to.equal('DORMANT');
    });
    it('is case-sensitive and exact, null otherwise', () => {
      expect(parseStatus('online')).to.equal(null);
      expect(parseStatus('Online')).to.equal(null);
      expect(parseStatus('active_24h')).to.equal(null);
      expect(parseStatus(' ONLINE')).to.equal(null);
      expect(parseStatus('ONLINE ')).to.equal(null);
      expect(parseStatus('')).to.equal(null);
      expect(parseStatus('ACTIVE')).to.equal(null);
      expect(parseStatus(null)).to.equal(null);
      expect(parseStatus(undefined)).to.equal(null);
      expect(parseStatus(3)).to.equal(null);
      expect(parseStatus(['ONLINE'])).to.equal(null);
      expect(parseStatus({ toString: () => 'ONLINE' })).to.equal(null);
    });
  });
});
