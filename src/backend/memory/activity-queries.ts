/**
 * Activity (histogram, page distribution, stats) and timeline of one user (reference §1.7, §1.9).
 * This module only selects the inputs (the user's real sessions, their url markers and event
 * batches); every rule and number comes from core's activity / ranges functions.
 */
import {
  activityHistogram,
  activityStats,
  pageDistribution,
  projectPageDistribution,
  rangeConfig,
  rangeWindow,
  toIso,
  urlPeriods,
  type ActivityRange,
  type EventBatchInput,
  type SessionInput,
  type UrlMarkerInput,
} from '../../core/index.js';
import type { TimelineSession, UserActivity, UserTimeline } from '../types.js';
import type { SessionRecord, UserRecord } from './records.js';
import type { Store } from './store.js';

function sessionInput(session: SessionRecord): SessionInput {
  return {
    id: session.id,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    duration: session.duration,
    url: session.url,
  };
}

function markerInputs(session: SessionRecord): UrlMarkerInput[] {
  return session.urlMarkers.map((m) => ({ sessionId: session.id, timestamp: m.timestamp, url: m.url, pathname: m.pathname }));
}

function batchInputs(session: SessionRecord): EventBatchInput[] {
  const out: EventBatchInput[] = [];
  const b = session.batches;
  for (let i = 0; i < b.length; i += 3) {
    out.push({ sessionId: session.id, firstTimestamp: b[i]!, lastTimestamp: b[i + 1]!, eventCount: b[i + 2]! });
  }
  return out;
}

/** Real sessions overlapping [from, to]: `startedAt <= to AND endedAt >= from`, ascending by start. */
function overlapping(user: UserRecord, from: number, to: number): SessionRecord[] {
  return user.sessions
    .filter((s) => s.real && s.startedAt <= to && s.endedAt >= from)
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
}

export function getActivity(store: Store, user: UserRecord, range: ActivityRange, pageLimit: number, now: number): UserActivity {
  void store;
  const { from, to } = rangeWindow(range, now);
  const { bucketMs } = rangeConfig(range);
  const real = user.sessions.filter((s) => s.real);
  const sessions = real.map(sessionInput);
  const markers = real.flatMap(markerInputs);
  const batches = real.flatMap(batchInputs);
  const visible = overlapping(user, from, to);
  const distribution = pageDistribution(visible.map(sessionInput), visible.flatMap(markerInputs), from, to);
  return {
    range,
    from: toIso(from),
    to: toIso(to),
    bucketMs,
    buckets: activityHistogram(batches, markers, { from, to, bucketMs }),
    pageDistribution: projectPageDistribution(distribution, pageLimit),
    summary: activityStats(sessions, batches, distribution, from, to),
  };
}

export function getTimeline(store: Store, user: UserRecord, range: ActivityRange, now: number): UserTimeline {
  void store;
  const { from, to } = rangeWindow(range, now);
  const sessions: TimelineSession[] = overlapping(user, from, to).map((s) => ({
    id: s.id,
    externalId: s.externalId,
    startedAt: toIso(s.startedAt),
    endedAt: toIso(s.endedAt),
    duration: s.duration,
    url: s.url,
    periods: urlPeriods(sessionInput(s), markerInputs(s), to),
  }));
  const pages = [...new Set(sessions.flatMap((s) => s.periods.map((p) => p.pathname)))].sort();
  return { range, from: toIso(from), to: toIso(to), sessions, pages };
}
