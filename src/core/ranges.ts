import { MAX_BUCKET_SLOTS } from './bounds.js';

export type ActivityRange = '6h' | '24h' | '7d';

export const ACTIVITY_RANGES: readonly ActivityRange[] = Object.freeze(['6h', '24h', '7d']);
export const DEFAULT_ACTIVITY_RANGE: ActivityRange = '24h';

export interface RangeConfig {
  range: ActivityRange;
  windowMs: number;
  bucketMs: number;
  bucketCount: number;
}

const RANGE_CONFIGS: Record<ActivityRange, RangeConfig> = {
  '6h': { range: '6h', windowMs: 21_600_000, bucketMs: 300_000, bucketCount: 72 },
  '24h': { range: '24h', windowMs: 86_400_000, bucketMs: 900_000, bucketCount: 96 },
  '7d': { range: '7d', windowMs: 604_800_000, bucketMs: 3_600_000, bucketCount: 168 },
};

export const PAGE_DISTRIBUTION_INITIAL = 5;
export const PAGE_DISTRIBUTION_STEP = 10;
export const PAGE_DISTRIBUTION_MAX = 500;

export function isActivityRange(raw: unknown): raw is ActivityRange {
  return typeof raw === 'string' && (ACTIVITY_RANGES as readonly string[]).includes(raw);
}

export function rangeConfig(range: ActivityRange): RangeConfig {
  if (!isActivityRange(range)) throw new RangeError(`Unknown activity range: ${String(range)}`);
  return { ...RANGE_CONFIGS[range] };
}

/** Lenient, as the server: anything but an exact range literal becomes the default 24h. */
export function parseRange(raw: unknown): ActivityRange {
  return isActivityRange(raw) ? raw : DEFAULT_ACTIVITY_RANGE;
}

/** The window of a range ending now: `[now − window, now]`, not aligned to buckets. */
export function rangeWindow(range: ActivityRange, nowMs: number): { from: number; to: number } {
  return { from: nowMs - rangeConfig(range).windowMs, to: nowMs };
}

/** Epoch-aligned start of the bucket holding `ms`. */
export function bucketStart(ms: number, bucketMs: number): number {
  return Math.floor(ms / bucketMs) * bucketMs;
}

export interface ActivityBucket {
  t: string;
  total: number;
  byPage: { pathname: string; count: number }[];
}

/** How many slots `bucketGrid` lays over the window: from the aligned start while `t < to`. */
export function bucketSlotCount(fromMs: number, toMs: number, bucketMs: number): number {
  if (!(bucketMs > 0)) throw new RangeError('bucketMs must be positive');
  const first = bucketStart(fromMs, bucketMs);
  return toMs > first ? Math.ceil((toMs - first) / bucketMs) : 0;
}

/**
 * Every bucket slot of the window, from the aligned start while `t < to`, each the served bucket
 * with that start or an empty one, so a chart shows gaps as zero bars. A window of more than
 * `MAX_BUCKET_SLOTS` slots is no range the product has: a RangeError, before any work.
 */
export function bucketGrid(buckets: readonly ActivityBucket[], fromMs: number, toMs: number, bucketMs: number): ActivityBucket[] {
  const slots = bucketSlotCount(fromMs, toMs, bucketMs);
  if (!Number.isFinite(slots) || slots > MAX_BUCKET_SLOTS) {
    throw new RangeError(`The activity window holds ${slots} buckets of ${bucketMs} ms; at most ${MAX_BUCKET_SLOTS} are drawn`);
  }
  const byStart = new Map<number, ActivityBucket>();
  for (const bucket of buckets) byStart.set(Date.parse(bucket.t), bucket);
  const grid: ActivityBucket[] = [];
  for (let t = bucketStart(fromMs, bucketMs); t < toMs; t += bucketMs) {
    const served = byStart.get(t);
    grid.push(
      served
        ? { t: served.t, total: served.total, byPage: served.byPage.map((p) => ({ ...p })) }
        : { t: new Date(t).toISOString(), total: 0, byPage: [] },
    );
  }
  return grid;
}
