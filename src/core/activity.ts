import { bucketStart, PAGE_DISTRIBUTION_INITIAL, PAGE_DISTRIBUTION_MAX, type ActivityBucket } from './ranges.js';
import { toIso } from './time.js';

/** A real session as the activity math needs it (times in ms, duration in seconds). */
export interface SessionInput {
  id: string;
  startedAt: number;
  endedAt: number | null;
  duration: number;
  url: string | null;
}

/** A `dozor:url` marker; `url` / `pathname` come from the SDK, so they are unknown until checked. */
export interface UrlMarkerInput {
  sessionId: string;
  timestamp: number;
  url?: unknown;
  pathname?: unknown;
}

export interface EventBatchInput {
  sessionId: string;
  firstTimestamp: number;
  lastTimestamp: number;
  eventCount: number;
}

export interface UrlPeriod {
  url: string;
  pathname: string;
  startedAt: string;
  endedAt: string | null;
  duration: number;
}

export interface PageDistributionResult {
  rows: { pathname: string; durationMs: number; visits: number }[];
  totalDurationMs: number;
  uniquePages: number;
  topPage: string | null;
}

export interface PageDistributionRow {
  pathname: string;
  /** Seconds. */
  duration: number;
  /** 0..1 of the total time over all pages (not only the rows shown). */
  share: number;
  visits: number;
}

export interface ActivityStats {
  sessionCount: number;
  totalActiveTime: number;
  avgSessionDuration: number;
  totalEvents: number;
  uniquePages: number;
  topPage: string | null;
  firstEventAt: string | null;
  lastEventAt: string | null;
}

// URL exists in every runtime we support (browsers, Node); core's lib has no DOM types, so name just what we use.
declare const URL: new (url: string) => { pathname: string };

export const UNKNOWN_PATHNAME = '(unknown)';
export const MAX_TOP_PAGES_PER_BUCKET = 5;

export function pathnameOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '/';
  }
}

function markerPathname(marker: UrlMarkerInput, fallbackUrl: string): string {
  if (typeof marker.pathname === 'string') return marker.pathname;
  return pathnameOf(typeof marker.url === 'string' ? marker.url : fallbackUrl);
}

function markersBySession(markers: readonly UrlMarkerInput[]): Map<string, UrlMarkerInput[]> {
  const grouped = new Map<string, UrlMarkerInput[]>();
  for (const marker of markers) {
    const list = grouped.get(marker.sessionId);
    if (list) list.push(marker);
    else grouped.set(marker.sessionId, [marker]);
  }
  for (const list of grouped.values()) list.sort((a, b) => a.timestamp - b.timestamp);
  return grouped;
}

/** The pages of one session as periods between url markers (reference §1.9); not clamped to the window. */
export function urlPeriods(session: SessionInput, markers: readonly UrlMarkerInput[], windowEndMs: number): UrlPeriod[] {
  const own = markers.filter((m) => m.sessionId === session.id).sort((a, b) => a.timestamp - b.timestamp);
  const sessionEnd = session.endedAt ?? windowEndMs;
  if (own.length === 0) {
    if (!session.url) return [];
    return [
      {
        url: session.url,
        pathname: pathnameOf(session.url),
        startedAt: toIso(session.startedAt),
        endedAt: session.endedAt === null ? null : toIso(session.endedAt),
        duration: session.duration,
      },
    ];
  }
  return own.map((marker, i) => {
    const next = own[i + 1];
    const end = next ? next.timestamp : sessionEnd;
    const url = typeof marker.url === 'string' ? marker.url : (session.url ?? '');
    return {
      url,
      pathname: markerPathname(marker, url),
      startedAt: toIso(marker.timestamp),
      endedAt: next || session.endedAt !== null ? toIso(end) : null,
      duration: Math.max(0, Math.round((end - marker.timestamp) / 1000)),
    };
  });
}

/** Time and visits per pathname inside `[from, to]` (reference §2.5), longest first, ties in first-seen order. */
export function pageDistribution(
  sessions: readonly SessionInput[],
  markers: readonly UrlMarkerInput[],
  windowFrom: number,
  windowTo: number,
): PageDistributionResult {
  const grouped = markersBySession(markers);
  const rows = new Map<string, { pathname: string; durationMs: number; visits: number }>();
  const count = (pathname: string, durationMs: number) => {
    const row = rows.get(pathname) ?? { pathname, durationMs: 0, visits: 0 };
    row.visits += 1;
    row.durationMs += durationMs;
    rows.set(pathname, row);
  };
  for (const session of sessions) {
    const sessionEnd = session.endedAt ?? windowTo;
    const own = grouped.get(session.id) ?? [];
    if (own.length === 0) {
      // Without markers the session's landing url stands for the whole session; it always counts a visit.
      if (!session.url) continue;
      const start = Math.max(session.startedAt, windowFrom);
      const end = Math.min(sessionEnd, windowTo);
      count(pathnameOf(session.url), Math.max(0, end - start));
      continue;
    }
    own.forEach((marker, i) => {
      const next = own[i + 1];
      // Clamping to the session end protects against clock-skewed future markers.
      const rawStart = Math.min(marker.timestamp, sessionEnd);
      const rawEnd = next ? Math.min(next.timestamp, sessionEnd) : sessionEnd;
      const start = Math.max(rawStart, windowFrom);
      const end = Math.min(rawEnd, windowTo);
      if (end <= start) return;
      count(markerPathname(marker, typeof marker.url === 'string' ? marker.url : (session.url ?? '')), end - start);
    });
  }
  const sorted = [...rows.values()].sort((a, b) => b.durationMs - a.durationMs);
  const totalDurationMs = sorted.reduce((sum, row) => sum + row.durationMs, 0);
  return { rows: sorted, totalDurationMs, uniquePages: sorted.length, topPage: sorted[0]?.pathname ?? null };
}

/** The first `pageLimit` rows in API shape; shares are against the full total so they do not move with the limit. */
export function projectPageDistribution(result: PageDistributionResult, pageLimit: number): PageDistributionRow[] {
  return result.rows.slice(0, Math.max(0, pageLimit)).map((row) => ({
    pathname: row.pathname,
    duration: Math.round(row.durationMs / 1000),
    share: result.totalDurationMs > 0 ? row.durationMs / result.totalDurationMs : 0,
    visits: row.visits,
  }));
}

/** Lenient like the server: an integer prefix is read, non-positive or unreadable → 5, capped at 500. */
export function clampPageLimit(raw: unknown): number {
  const n = typeof raw === 'number' ? Math.trunc(raw) : Number.parseInt(String(raw), 10);
  if (!Number.isFinite(n) || n <= 0) return PAGE_DISTRIBUTION_INITIAL;
  return Math.min(n, PAGE_DISTRIBUTION_MAX);
}

/** The pathname of the latest marker at or before `timestamp` (markers sorted ascending), else "(unknown)". */
export function pathnameAt(sortedMarkers: readonly UrlMarkerInput[], timestamp: number): string {
  let low = 0;
  let high = sortedMarkers.length - 1;
  let found: UrlMarkerInput | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const marker = sortedMarkers[mid]!;
    if (marker.timestamp <= timestamp) {
      found = marker;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found ? markerPathname(found, typeof found.url === 'string' ? found.url : '') : UNKNOWN_PATHNAME;
}

/**
 * Events per epoch-aligned bucket (reference §2.4): each batch starting in `[from, to)` counts whole
 * in the bucket where it started, under the page it started on; only non-empty buckets, ascending.
 */
export function activityHistogram(
  batches: readonly EventBatchInput[],
  markers: readonly UrlMarkerInput[],
  window: { from: number; to: number; bucketMs: number },
  topPages = MAX_TOP_PAGES_PER_BUCKET,
): ActivityBucket[] {
  const grouped = markersBySession(markers);
  const buckets = new Map<number, Map<string, number>>();
  for (const batch of batches) {
    if (batch.firstTimestamp < window.from || batch.firstTimestamp >= window.to) continue;
    const start = bucketStart(batch.firstTimestamp, window.bucketMs);
    const pathname = pathnameAt(grouped.get(batch.sessionId) ?? [], batch.firstTimestamp);
    const pages = buckets.get(start) ?? new Map<string, number>();
    pages.set(pathname, (pages.get(pathname) ?? 0) + batch.eventCount);
    buckets.set(start, pages);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, pages]) => {
      const byPage = [...pages.entries()]
        .map(([pathname, count]) => ({ pathname, count }))
        .sort((a, b) => b.count - a.count || (a.pathname < b.pathname ? -1 : a.pathname > b.pathname ? 1 : 0));
      const total = byPage.reduce((sum, page) => sum + page.count, 0);
      return { t: toIso(start), total, byPage: byPage.slice(0, topPages) };
    })
    .filter((bucket) => bucket.total > 0);
}

/**
 * The six stats of a range (reference §2.6): sessions by start time in `[from, to)`, events by
 * batch start in `[from, to)`, pages from the page distribution.
 */
export function activityStats(
  sessions: readonly SessionInput[],
  batches: readonly EventBatchInput[],
  pages: PageDistributionResult,
  windowFrom: number,
  windowTo: number,
): ActivityStats {
  let sessionCount = 0;
  let totalActiveTime = 0;
  for (const session of sessions) {
    if (session.startedAt < windowFrom || session.startedAt >= windowTo) continue;
    sessionCount += 1;
    totalActiveTime += session.duration;
  }
  let totalEvents = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const batch of batches) {
    if (batch.firstTimestamp < windowFrom || batch.firstTimestamp >= windowTo) continue;
    totalEvents += batch.eventCount;
    first = Math.min(first, batch.firstTimestamp);
    last = Math.max(last, batch.lastTimestamp);
  }
  return {
    sessionCount,
    totalActiveTime,
    avgSessionDuration: sessionCount > 0 ? Math.round(totalActiveTime / sessionCount) : 0,
    totalEvents,
    uniquePages: pages.uniquePages,
    topPage: pages.topPage,
    firstEventAt: Number.isFinite(first) ? toIso(first) : null,
    lastEventAt: Number.isFinite(last) ? toIso(last) : null,
  };
}
