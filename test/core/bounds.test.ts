import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  MAX_BUCKET_SLOTS,
  MAX_TRAIT_DEPTH_SHOWN,
  MAX_TRAIT_KEYS_SHOWN,
  assignLanes,
  boundedJson,
  bucketGrid,
  bucketSlotCount,
  clipText,
  jsonExceeds,
  latestByStart,
  pruneJson,
} from '../../src/core/index.js';

const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { level: value };
  return value;
}

describe('core/bounds', () => {
  it('clipText keeps short text and cuts long text to the cap plus an ellipsis', () => {
    expect(clipText('Ada')).to.equal('Ada');
    expect(clipText('x'.repeat(1_000_000))).to.have.length(201);
    expect(clipText('abcdef', 3)).to.equal('abc…');
  });

  it('boundedJson prints small values exactly as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const shown = boundedJson(value);
        expect(shown.truncated).to.equal(false);
        expect(shown.text).to.equal(JSON.stringify(value, null, 2));
        expect(boundedJson(value, undefined, 0).text).to.equal(JSON.stringify(value));
      }),
      { numRuns: 200 },
    );
  });

  it('boundedJson cuts depth, keys and strings, says so, and stays small', () => {
    const deep = boundedJson(nested(10_000));
    expect(deep.truncated).to.equal(true);
    expect(deep.text.split('\n').length).to.be.below(MAX_TRAIT_DEPTH_SHOWN * 3);
    const wide = boundedJson(Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`key_${i}`, i])));
    expect(wide.truncated).to.equal(true);
    expect(wide.text.split('\n').length).to.equal(MAX_TRAIT_KEYS_SHOWN + 3);
    const long = boundedJson({ note: 'x'.repeat(1_000_000) });
    expect(long.truncated).to.equal(true);
    expect(long.text.length).to.be.below(1_100);
    // 100 keys per object at 6 levels would be 10^12 lines without the total cap.
    let bushy: unknown = 1;
    for (let i = 0; i < 6; i++) bushy = Object.fromEntries(Array.from({ length: 100 }, (_, k) => [`k${k}`, bushy]));
    expect(boundedJson(bushy).text.split('\n').length).to.be.below(2_000);
  });

  it('jsonExceeds names the first bound broken, and nothing for values within them', () => {
    expect(jsonExceeds({ a: [1, 2, { b: 3 }] }, 10, 5)).to.equal(null);
    expect(jsonExceeds(nested(10_000), 2_000, 32)).to.equal('depth');
    expect(jsonExceeds(Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])), 2_000, 32)).to.equal('entries');
    expect(jsonExceeds({ list: Array.from({ length: 3_000 }, () => 0) }, 2_000, 32)).to.equal('entries');
  });

  it('pruneJson copies values within the bounds exactly, and cuts others to values within them', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 5 }),
        (value, maxEntries, maxDepth) => {
          const pruned = pruneJson(value, maxEntries, maxDepth);
          const within = jsonExceeds(value, maxEntries, maxDepth) === null;
          expect(pruned.truncated, 'truncated exactly when a bound is broken').to.equal(!within);
          if (within) expect(JSON.stringify(pruned.value)).to.equal(JSON.stringify(value));
          expect(jsonExceeds(pruned.value, maxEntries, maxDepth), 'the cut value fits').to.equal(null);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pruneJson keeps the first entries in order, drops what is too deep, and keeps "__proto__" a key', () => {
    const wide = pruneJson(Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])), 2_000, 32);
    expect(wide.truncated).to.equal(true);
    expect(Object.keys(wide.value)).to.have.length(2_000);
    expect(Object.keys(wide.value).slice(0, 2)).to.deep.equal(['k0', 'k1']);
    const deep = pruneJson({ email: 'a@b.test', deep: nested(10_000) }, 2_000, 32);
    expect(deep.truncated).to.equal(true);
    expect(deep.value.email).to.equal('a@b.test');
    expect(jsonExceeds(deep.value, 2_000, 32)).to.equal(null);
    const hostile = pruneJson(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>, 10, 5);
    expect(Object.getPrototypeOf(hostile.value)).to.equal(Object.prototype);
    expect(Object.keys(hostile.value)).to.deep.equal(['__proto__', 'a']);
    expect((hostile.value as { polluted?: boolean }).polluted).to.equal(undefined);
  });

  it('bucketGrid refuses a window of more slots than the cap, before laying any', () => {
    expect(bucketSlotCount(T0, T0 + 7 * DAY, 3_600_000)).to.equal(168);
    expect(bucketSlotCount(T0 + 1, T0 + 1, 300_000)).to.equal(1);
    expect(() => bucketGrid([], T0, T0 + 7 * DAY, 1)).to.throw(RangeError, /604800000 buckets/);
    expect(() => bucketGrid([], T0 - 50 * 365 * DAY, T0, 3_600_000)).to.throw(RangeError);
    expect(bucketGrid([], T0, T0 + MAX_BUCKET_SLOTS * 1_000, 1_000)).to.have.length(MAX_BUCKET_SLOTS);
  });

  it('assignLanes makes at most maxLanes lanes, leaving out what does not fit', () => {
    const sessions = Array.from({ length: 100_000 }, (_, i) => ({
      id: String(i),
      startedAt: new Date(T0 + i).toISOString(),
      endedAt: new Date(T0 + DAY).toISOString(),
    }));
    const lanes = assignLanes(sessions, T0, T0 + DAY, 20);
    expect(lanes).to.have.length(20);
    expect(lanes.flat()).to.have.length(20);
    const all = assignLanes(sessions.slice(0, 50), T0, T0 + DAY);
    expect(all).to.have.length(50);
  });

  it('latestByStart keeps the max sessions that started last, latest first, ties in their given order', () => {
    // The rule written plainly: a stable sort of every session by start, latest first, unreadable starts last.
    const byStart = (startedAt: string) => (Number.isNaN(Date.parse(startedAt)) ? Number.NEGATIVE_INFINITY : Date.parse(startedAt));
    const plainly = <T extends { startedAt: string }>(sessions: T[], max: number) =>
      sessions.length <= max ? sessions : [...sessions].sort((a, b) => byStart(b.startedAt) - byStart(a.startedAt) || 0).slice(0, max);
    const start = fc.oneof(
      fc.integer({ min: 0, max: 20 }).map((minute) => new Date(T0 + minute * 60_000).toISOString()),
      fc.constantFrom('', 'not a time'),
    );
    const sessions = fc.array(start, { maxLength: 40 }).map((starts) => starts.map((startedAt, id) => ({ id, startedAt })));
    fc.assert(
      fc.property(sessions, fc.integer({ min: 0, max: 45 }), (list, max) => {
        const ids = (picked: readonly { id: number }[]) => picked.map((session) => session.id);
        expect(ids(latestByStart(list, max))).to.deep.equal(ids(plainly(list, max)));
      }),
      { numRuns: 300 },
    );
  });
});
