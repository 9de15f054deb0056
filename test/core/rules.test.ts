import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  assignLanes,
  bucketGrid,
  clampPageLimit,
  computeTags,
  deriveStatus,
  durationParts,
  formatDuration,
  formatRelative,
  isRealSession,
  pageColor,
  pageDistribution,
  parseRange,
  parseStatus,
  resolveDisplayName,
  truncateId,
  userSubtitles,
  avatarSvg,
  DAY_MS,
} from '../../src/core/index.js';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('deriveStatus', () => {
  it('uses inclusive bounds and flips one millisecond past each', () => {
    expect(deriveStatus(NOW - 120_000, NOW)).to.equal('ONLINE');
    expect(deriveStatus(NOW - 120_001, NOW)).to.equal('ACTIVE_24H');
    expect(deriveStatus(NOW - 86_400_000, NOW)).to.equal('ACTIVE_24H');
    expect(deriveStatus(NOW - 86_400_001, NOW)).to.equal('IDLE_7D');
    expect(deriveStatus(NOW - 604_800_000, NOW)).to.equal('IDLE_7D');
    expect(deriveStatus(NOW - 604_800_001, NOW)).to.equal('DORMANT');
  });
  it('treats null, empty and invalid as DORMANT and the future as ONLINE', () => {
    expect(deriveStatus(null, NOW)).to.equal('DORMANT');
    expect(deriveStatus('', NOW)).to.equal('DORMANT');
    expect(deriveStatus('not a date', NOW)).to.equal('DORMANT');
    expect(deriveStatus(NOW + 60_000, NOW)).to.equal('ONLINE');
    expect(deriveStatus(new Date(NOW - 1000).toISOString(), new Date(NOW))).to.equal('ONLINE');
  });
  it('accepts ascending custom thresholds and rejects others', () => {
    const croct = { ONLINE: 600_000, ACTIVE_24H: 86_400_000, IDLE_7D: 604_800_000 };
    expect(deriveStatus(NOW - 600_000, NOW, croct)).to.equal('ONLINE');
    expect(() => deriveStatus(NOW, NOW, { ONLINE: 10, ACTIVE_24H: 5, IDLE_7D: 20 })).to.throw(RangeError);
  });
  it('parses only exact literals', () => {
    expect(parseStatus('ONLINE')).to.equal('ONLINE');
    expect(parseStatus('online')).to.equal(null);
    expect(parseStatus(3)).to.equal(null);
  });
});

describe('resolveDisplayName', () => {
  it('takes the first non-empty of custom name, user key, project key, externalId', () => {
    const traits = { email: 'alice@acme.test', name: '  ', age: 42, obj: { a: 1 }, list: [1, 2] };
    expect(resolveDisplayName({ externalId: 'u1', traits, customName: '  VIP  ' })).to.equal('VIP');
    expect(
      resolveDisplayName({ externalId: 'u1', traits, customName: '   ', displayNameTraitKey: 'name', projectDefaultTraitKey: 'email' }),
    ).to.equal('alice@acme.test');
    expect(resolveDisplayName({ externalId: 'u1', traits, displayNameTraitKey: 'age' })).to.equal('42');
    expect(resolveDisplayName({ externalId: 'u1', traits, displayNameTraitKey: 'obj' })).to.equal('[object Object]');
    expect(resolveDisplayName({ externalId: 'u1', traits, displayNameTraitKey: 'list' })).to.equal('1,2');
    expect(resolveDisplayName({ externalId: ' u1 ', traits: null, displayNameTraitKey: 'email' })).to.equal(' u1 ');
  });
  it('never reads inherited keys', () => {
    expect(resolveDisplayName({ externalId: 'u1', traits: {}, displayNameTraitKey: 'constructor' })).to.equal('u1');
    expect(resolveDisplayName({ externalId: 'u1', traits: {}, displayNameTraitKey: 'toString' })).to.equal('u1');
  });
});

describe('isRealSession', () => {
  it('needs 10 events and 1 second', () => {
    expect(isRealSession({ eventCount: 10, duration: 1 })).to.equal(true);
    expect(isRealSession({ eventCount: 9, duration: 100 })).to.equal(false);
    expect(isRealSession({ eventCount: 100, duration: 0.99 })).to.equal(false);
  });
});

describe('computeTags', () => {
  const ids = (input: Parameters<typeof computeTags>[0]) => computeTags(input).map((t) => t.id);
  it('applies each rule at its edge', () => {
    expect(ids({ sessionCount: 1, now: NOW })).to.deep.equal(['new']);
    expect(ids({ sessionCount: 2, now: NOW })).to.deep.equal(['returning']);
    expect(ids({ firstSeenAt: NOW - 60 * DAY_MS, now: NOW })).to.deep.equal([]);
    expect(ids({ firstSeenAt: NOW - 60 * DAY_MS - 1, now: NOW })).to.deep.equal(['longtime']);
    expect(ids({ orderCount: 0, now: NOW })).to.deep.equal([]);
    expect(ids({ orderCount: 1, now: NOW })).to.deep.equal(['buyer']);
    expect(ids({ traits: { job_title: 'CTO', email: 'a@b.test', favouriteColor: 'red' }, identified: true, now: NOW })).to.deep.equal([
      'work-info',
      'contact-info',
      'custom-attributes',
    ]);
  });
  it('leaves tags out when their input is unknown or blank, and work/contact out for anonymous users', () => {
    expect(ids({ now: NOW })).to.deep.equal([]);
    expect(ids({ traits: { company: '  ', phone: null }, now: NOW })).to.deep.equal([]);
    expect(ids({ traits: { company: 'Acme', email: 'a@b.test' }, identified: false, now: NOW })).to.deep.equal([]);
  });
  it('explains why a tag applies', () => {
    const [tag] = computeTags({ sessionCount: 3, now: NOW });
    expect(tag).to.deep.include({ id: 'returning', label: 'Returning user', reason: '3 sessions recorded' });
  });
});

describe('ranges and the bucket grid', () => {
  it('parses leniently to 24h', () => {
    expect(parseRange('7d')).to.equal('7d');
    expect(parseRange('7D')).to.equal('24h');
  });
  it('has one more slot when the window start is not aligned', () => {
    expect(bucketGrid([], NOW - 6 * 3_600_000 + 1, NOW + 1, 300_000)).to.have.length(73);
    expect(bucketGrid([], NOW - 6 * 3_600_000, NOW, 300_000)).to.have.length(72);
  });
  it('covers the window exactly once and keeps served buckets (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(300_000, 900_000, 3_600_000),
        (offset, slots, bucketMs) => {
          const from = NOW - offset;
          const to = from + slots * bucketMs;
          const served = {
            t: new Date(Math.floor(from / bucketMs) * bucketMs + bucketMs).toISOString(),
            total: 7,
            byPage: [{ pathname: '/', count: 7 }],
          };
          const grid = bucketGrid([served], from, to, bucketMs);
          const starts = grid.map((b) => Date.parse(b.t));
          expect(starts[0]).to.equal(Math.floor(from / bucketMs) * bucketMs);
          starts.forEach((t, i) => i > 0 && expect(t - starts[i - 1]!).to.equal(bucketMs));
          expect(starts.at(-1)!).to.be.below(to);
          expect(starts.at(-1)! + bucketMs).to.be.at.least(to);
          if (Date.parse(served.t) < to) expect(grid.filter((b) => b.total === 7)).to.have.length(1);
        },
      ),
    );
  });
});

describe('page distribution', () => {
  it('clamps to the window and shares against the full total', () => {
    const sessions = [{ id: 's1', startedAt: 1000, endedAt: 61_000, duration: 60, url: 'https://x.test/' }];
    const markers = [
      { sessionId: 's1', timestamp: 1000, pathname: '/' },
      { sessionId: 's1', timestamp: 31_000, pathname: '/pricing' },
    ];
    const result = pageDistribution(sessions, markers, 11_000, 61_000);
    expect(result.rows).to.deep.equal([
      { pathname: '/pricing', durationMs: 30_000, visits: 1 },
      { pathname: '/', durationMs: 20_000, visits: 1 },
    ]);
    expect(result.topPage).to.equal('/pricing');
    expect(clampPageLimit('12abc')).to.equal(12);
    expect(clampPageLimit(0)).to.equal(5);
    expect(clampPageLimit(900)).to.equal(500);
  });
});

describe('assignLanes', () => {
  it('never overlaps inside a lane and uses as many lanes as the maximum overlap (property)', () => {
    const session = fc.record({ start: fc.integer({ min: 0, max: 1000 }), length: fc.integer({ min: 1, max: 300 }) });
    fc.assert(
      fc.property(fc.array(session, { maxLength: 30 }), (raw) => {
        const sessions = raw.map((s, i) => ({ id: `s${i}`, startedAt: s.start, endedAt: s.start + s.length }));
        const lanes = assignLanes(sessions, 0, 2000);
        expect(
          lanes
            .flat()
            .map((s) => s.id)
            .sort(),
        ).to.deep.equal(sessions.map((s) => s.id).sort());
        for (const lane of lanes) lane.forEach((s, i) => i > 0 && expect(lane[i - 1]!.visualEnd).to.be.at.most(s.startedAt));
        // Sweep: an end at t frees its lane for a start at t.
        const events = sessions
          .flatMap((s) => [[s.startedAt, 1] as const, [s.endedAt, -1] as const])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        let open = 0;
        let peak = 0;
        for (const [, delta] of events) peak = Math.max(peak, (open += delta));
        expect(lanes.length).to.equal(peak);
      }),
    );
  });
});

describe('formatting', () => {
  it('formats durations with two parts at most', () => {
    const cases: [number, string][] = [
      [0, '0s'],
      [30, '30s'],
      [60, '1m'],
      [125, '2m 5s'],
      [3600, '1h'],
      [3661, '1h 1m'],
      [-5, '0s'],
      [Number.NaN, '0s'],
    ];
    for (const [seconds, text] of cases) expect(formatDuration(seconds)).to.equal(text);
  });
  it('formats durations through Intl.DurationFormat in the locale', () => {
    expect('DurationFormat' in Intl).to.equal(true);
    // A unit's own space does not break (U+00A0), the one between units does: a long duration wraps between them.
    expect(formatDuration(440, 'de')).to.equal('7\u00a0Min., 20\u00a0Sek.');
    expect(formatDuration(0, 'fr')).to.equal('0s');
    expect(formatDuration(3900, 'es')).to.equal('1h 5min');
    expect(formatDuration(440, 'uk')).to.equal('7\u00a0хв і 20\u00a0с');
    expect(formatDuration(3600, 'ja')).to.equal('1\u00a0時間');
  });
  it('formats a duration the same from its remembered text, per locale and past the texts it keeps', () => {
    type Format = new (locale: string, options: object) => { format(parts: object): string };
    const { DurationFormat } = Intl as unknown as { DurationFormat: Format };
    const french = new DurationFormat('fr', { style: 'narrow' });
    // More distinct texts than are kept: every second below an hour, then every minute for 40 hours.
    const shown = [...Array.from({ length: 3540 }, (_, i) => 60 + i), ...Array.from({ length: 2400 }, (_, i) => 3600 + 60 * i)];
    for (const seconds of shown) expect(formatDuration(seconds, 'fr')).to.equal(french.format(durationParts(seconds)));
    expect(formatDuration(440, 'de')).to.equal('7\u00a0Min., 20\u00a0Sek.');
    expect(formatDuration(440)).to.equal('7m 20s');
    expect(formatDuration(439.6)).to.equal('7m 20s');
  });
  it('walks the relative-time staircase through Intl', () => {
    expect(formatRelative(NOW - 4000, NOW)).to.equal('just now');
    expect(formatRelative(NOW - 30_000, NOW)).to.equal('30 seconds ago');
    expect(formatRelative(NOW - 3_570_000, NOW)).to.equal('1 hour ago');
    expect(formatRelative(NOW - DAY_MS, NOW)).to.equal('yesterday');
    expect(formatRelative(NOW + 120_000, NOW)).to.equal('in 2 minutes');
    expect(formatRelative(NOW - 2 * DAY_MS, NOW, 'de')).to.equal('vorgestern');
  });
  it('truncates ids and suppresses duplicate subtitles', () => {
    expect(truncateId('abcdefghij')).to.equal('abcdefgh…');
    expect(truncateId('abc')).to.equal('abc');
    expect(userSubtitles({ displayName: 'a@b.test', externalId: 'u1', traits: { email: 'a@b.test' } })).to.deep.equal({
      externalId: 'u1',
      email: null,
    });
    expect(userSubtitles({ displayName: 'u1', externalId: 'u1', traits: { email: 'a@b.test' } })).to.deep.equal({
      externalId: null,
      email: 'a@b.test',
    });
  });
});

describe('avatars and page colors', () => {
  it('matches the reference page-color vectors', () => {
    expect(['/', '/checkout', '/checkout/payment', '/pricing', '(unknown)'].map(pageColor)).to.deep.equal([4, 0, 7, 2, 6]);
  });
  it('never embeds the seed and always parses as SVG (property)', () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        const seed = `<script>XSS"&${tail}`;
        const svg = avatarSvg(seed);
        expect(svg).to.equal(avatarSvg(seed));
        expect(svg).not.to.contain('XSS');
        expect(svg).not.to.match(/<script|\son\w+=|href/i);
        expect(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror')).to.equal(null);
      }),
    );
  });
});
