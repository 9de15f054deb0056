import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { activityChartModel, barColumns, MIN_BAR_SHARE, slotOfStart, type ActivityBucket } from '../../src/core/index.js';

const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 4, 13, 0, 0, 0);
const bucket = (slot: number, total: number): ActivityBucket => ({ t: new Date(FROM + slot * HOUR).toISOString(), total, byPage: [] });
const activity = (buckets: ActivityBucket[], slots = 6) => ({
  range: '6h',
  from: new Date(FROM).toISOString(),
  to: new Date(FROM + slots * HOUR).toISOString(),
  bucketMs: HOUR,
  buckets,
});

describe('activity chart model', () => {
  it('lays the sparse buckets over the full grid with their totals, peak and active slots', () => {
    const model = activityChartModel(activity([bucket(1, 4), bucket(4, 10)]), '24h');
    expect(model.range).to.equal('6h');
    expect(model.grid.map((b) => b.total)).to.deep.equal([0, 4, 0, 0, 10, 0]);
    expect(model.starts[0]).to.equal(FROM);
    expect([model.min, model.max]).to.deep.equal([FROM, FROM + 6 * HOUR]);
    expect({ total: model.totalEvents, peak: model.peak, active: model.active }).to.deep.equal({ total: 14, peak: 10, active: [1, 4] });
  });

  it('falls back to the asked range and an empty grid for an unusable answer', () => {
    const model = activityChartModel({ ...activity([]), range: 'forever', bucketMs: 0 }, '7d');
    expect(model.range).to.equal('7d');
    expect(model.grid).to.deep.equal([]);
    expect(model.peak).to.equal(0);
  });

  it('finds a remembered slot by its start, clamping one that slid out of the grid', () => {
    const model = activityChartModel(activity([bucket(2, 1)]), '6h');
    expect(slotOfStart(model, FROM + 2 * HOUR)).to.equal(2);
    expect(slotOfStart(model, FROM - HOUR)).to.equal(0);
    expect(slotOfStart(model, FROM + 10 * HOUR)).to.equal(5);
  });

  it('draws every bar with events at least the minimum share of the peak, centred on its slot', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 }), { minLength: 6, maxLength: 6 }), (totals) => {
        const model = activityChartModel(activity(totals.flatMap((total, slot) => (total > 0 ? [bucket(slot, total)] : []))), '6h');
        const [xs, heights] = barColumns(model);
        expect(xs).to.deep.equal(model.starts.map((start) => start + HOUR / 2));
        heights.forEach((height, i) => {
          if (totals[i] === 0) expect(height).to.equal(0);
          else expect(height).to.be.at.least(Math.max(totals[i]!, model.peak * MIN_BAR_SHARE));
        });
      }),
      { numRuns: 100 },
    );
  });
});
