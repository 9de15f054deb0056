// The roving-focus key map shared by the list's grid, the activity chart and the range selector.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { rovingIndex, type RovingLine } from '../../src/core/index.js';

const KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'Enter', 'a', 'Tab'];

const lines = fc.record({
  count: fc.integer({ min: 1, max: 40 }),
  orientation: fc.constantFrom<RovingLine['orientation']>('horizontal', 'vertical', 'both'),
  rtl: fc.boolean(),
  wrap: fc.boolean(),
  homeEnd: fc.boolean(),
  page: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
});

describe('rovingIndex', () => {
  it('moves along a line, stops at its ends and wraps where asked', () => {
    const line: RovingLine = { count: 3, orientation: 'horizontal' };
    assert.equal(rovingIndex('ArrowRight', 0, line), 1);
    assert.equal(rovingIndex('ArrowRight', 2, line), 2);
    assert.equal(rovingIndex('ArrowLeft', 0, line), 0);
    assert.equal(rovingIndex('ArrowDown', 0, line), undefined);
    assert.equal(rovingIndex('End', 0, line), 2);
    assert.equal(rovingIndex('Home', 2, line), 0);
    assert.equal(rovingIndex('PageDown', 0, line), undefined);
    assert.equal(rovingIndex('ArrowRight', 2, { ...line, wrap: true }), 0);
    assert.equal(rovingIndex('ArrowLeft', 0, { ...line, wrap: true }), 2);
    assert.equal(rovingIndex('ArrowUp', 1, { ...line, orientation: 'both' }), 0);
    assert.equal(rovingIndex('ArrowUp', 1, { count: 3, orientation: 'vertical', homeEnd: false }), 0);
    assert.equal(rovingIndex('End', 1, { count: 3, orientation: 'vertical', homeEnd: false }), undefined);
  });

  it('swaps Left and Right under rtl, never Up and Down', () => {
    const line: RovingLine = { count: 5, orientation: 'both', rtl: true };
    assert.equal(rovingIndex('ArrowLeft', 2, line), 3);
    assert.equal(rovingIndex('ArrowRight', 2, line), 1);
    assert.equal(rovingIndex('ArrowDown', 2, line), 3);
    assert.equal(rovingIndex('ArrowUp', 2, line), 1);
  });

  it('pages by a step, or to where a page function lands, clamped to the line', () => {
    assert.equal(rovingIndex('PageDown', 1, { count: 10, orientation: 'vertical', page: 4 }), 5);
    assert.equal(rovingIndex('PageDown', 8, { count: 10, orientation: 'vertical', page: 4 }), 9);
    assert.equal(rovingIndex('PageUp', 3, { count: 10, orientation: 'vertical', page: 4 }), 0);
    const active = [2, 6];
    const page = (from: number, forward: boolean) =>
      (forward ? active.find((i) => i > from) : [...active].reverse().find((i) => i < from)) ?? from;
    assert.equal(rovingIndex('PageDown', 0, { count: 10, orientation: 'horizontal', page }), 2);
    assert.equal(rovingIndex('PageUp', 9, { count: 10, orientation: 'horizontal', page }), 6);
    assert.equal(rovingIndex('PageUp', 1, { count: 10, orientation: 'horizontal', page }), 1);
    assert.equal(rovingIndex('PageDown', 0, { count: 10, orientation: 'horizontal', page: () => 99 }), 9);
  });

  it('moves nowhere on an empty line, and reads a bad current index as the nearest item', () => {
    assert.equal(rovingIndex('ArrowRight', 0, { count: 0, orientation: 'horizontal' }), undefined);
    assert.equal(rovingIndex('End', 0, { count: Number.NaN, orientation: 'horizontal' }), undefined);
    assert.equal(rovingIndex('ArrowRight', Number.NaN, { count: 3, orientation: 'horizontal' }), 1);
    assert.equal(rovingIndex('ArrowLeft', 7, { count: 3, orientation: 'horizontal' }), 1);
  });

  it('always lands inside the line, and the rtl line is the ltr one mirrored (property)', () => {
    fc.assert(
      fc.property(lines, fc.integer({ min: -5, max: 60 }), fc.constantFrom(...KEYS), (line, current, key) => {
        const to = rovingIndex(key, current, line);
        if (to !== undefined) {
          assert.ok(Number.isInteger(to) && to >= 0 && to < line.count, `${key} from ${current}: ${to}`);
        }
        const mirrored = key === 'ArrowLeft' ? 'ArrowRight' : key === 'ArrowRight' ? 'ArrowLeft' : key;
        assert.equal(rovingIndex(key, current, { ...line, rtl: !line.rtl }), rovingIndex(mirrored, current, line));
      }),
      { numRuns: 500 },
    );
  });

  it('one step forward then back returns to the start, away from the ends or when wrapping (property)', () => {
    fc.assert(
      fc.property(lines, fc.nat(), (line, seed) => {
        const current = seed % line.count;
        const [ahead, back] = line.orientation === 'vertical' ? ['ArrowDown', 'ArrowUp'] : ['ArrowRight', 'ArrowLeft'];
        const forwardKey = line.rtl && line.orientation !== 'vertical' ? back! : ahead!;
        const backKey = forwardKey === ahead ? back! : ahead!;
        const next = rovingIndex(forwardKey, current, line)!;
        if (line.wrap || current < line.count - 1) {
          assert.equal(next, line.wrap ? (current + 1) % line.count : current + 1);
          assert.equal(rovingIndex(backKey, next, line), current);
        } else assert.equal(next, current);
      }),
      { numRuns: 300 },
    );
  });
});
