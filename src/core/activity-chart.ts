import { bucketGrid, isActivityRange, type ActivityBucket, type ActivityRange } from './ranges.js';

/** What the activity histogram is drawn from (the backend's `UserActivity` fits). */
export interface ActivityChartInput {
  range: string;
  from: string;
  to: string;
  bucketMs: number;
  /** Non-empty buckets only, ascending. */
  buckets: readonly ActivityBucket[];
}

/** Everything the chart derives from one activity answer: the full bucket grid and its totals. */
export interface ActivityChartModel<A extends ActivityChartInput = ActivityChartInput> {
  activity: A;
  range: ActivityRange;
  bucketMs: number;
  grid: ActivityBucket[];
  /** Bucket starts in ms, one per grid slot. */
  starts: number[];
  /** The x extent: the first slot's start to the last slot's end. */
  min: number;
  max: number;
  from: number;
  to: number;
  totalEvents: number;
  peak: number;
  /** Indices of the slots with events. */
  active: number[];
}

/** A bar with events is never drawn shorter than this share of the peak (reference §2.4: 2 %). */
export const MIN_BAR_SHARE = 0.02;

export function activityChartModel<A extends ActivityChartInput>(activity: A, fallbackRange: ActivityRange): ActivityChartModel<A> {
  const from = Date.parse(activity.from);
  const to = Date.parse(activity.to);
  const bucketMs = activity.bucketMs;
  const grid = Number.isFinite(from) && Number.isFinite(to) && bucketMs > 0 ? bucketGrid(activity.buckets, from, to, bucketMs) : [];
  const starts = grid.map((bucket) => Date.parse(bucket.t));
  let totalEvents = 0;
  let peak = 0;
  const active: number[] = [];
  grid.forEach((bucket, i) => {
    totalEvents += bucket.total;
    peak = Math.max(peak, bucket.total);
    if (bucket.total > 0) active.push(i);
  });
  const first = starts[0] ?? from;
  const last = starts[starts.length - 1] ?? from;
  return {
    activity,
    range: isActivityRange(activity.range) ? activity.range : fallbackRange,
    bucketMs,
    grid,
    starts,
    min: first,
    max: last + bucketMs,
    from,
    to,
    totalEvents,
    peak,
    active,
  };
}

/** A remembered slot by its start time, so a refresh that slides the grid keeps the same bucket. */
export function slotOfStart(model: ActivityChartModel, start: number): number {
  const exact = model.starts.indexOf(start);
  if (exact >= 0) return exact;
  return start < model.min ? 0 : model.grid.length - 1;
}

/** The bars as drawn: x at each slot's centre (so a cursor snaps to the bar under it), heights with the minimum share. */
export function barColumns(model: ActivityChartModel): [number[], number[]] {
  const half = model.bucketMs / 2;
  const floor = model.peak * MIN_BAR_SHARE;
  return [model.starts.map((t) => t + half), model.grid.map((bucket) => (bucket.total > 0 ? Math.max(bucket.total, floor) : 0))];
}
