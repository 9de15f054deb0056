import { toMs, type Timestamp } from './time.js';

export type LaneSession<T> = T & { visualStart: number; visualEnd: number };

/**
 * First-fit lane packing of sessions over a window (reference §2.10). Sessions are taken by start
 * time; each goes in the first lane whose last bar ends at or before its start. On start-sorted
 * intervals this gives the minimum number of lanes. Open sessions run to the window end. At most
 * `maxLanes` lanes are made: a session that would need another is left out (callers compare counts),
 * which also bounds the work to sessions × maxLanes.
 */
export function assignLanes<T extends { startedAt: Timestamp; endedAt: Timestamp | null }>(
  sessions: readonly T[],
  windowStart: number,
  windowEnd: number,
  maxLanes = Number.POSITIVE_INFINITY,
): LaneSession<T>[][] {
  const ordered = sessions
    .map((session) => ({ session, start: toMs(session.startedAt) }))
    .filter((entry) => Number.isFinite(entry.start))
    .sort((a, b) => a.start - b.start);
  const lanes: LaneSession<T>[][] = [];
  const laneEnds: number[] = [];
  for (const { session, start } of ordered) {
    const end = session.endedAt === null ? windowEnd : toMs(session.endedAt);
    const visualStart = Math.max(start, windowStart);
    const visualEnd = Math.max(visualStart, Math.min(Number.isFinite(end) ? end : windowEnd, windowEnd));
    const placed: LaneSession<T> = { ...session, visualStart, visualEnd };
    const lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane === -1) {
      if (lanes.length >= maxLanes) continue;
      lanes.push([placed]);
      laneEnds.push(visualEnd);
    } else {
      lanes[lane]!.push(placed);
      laneEnds[lane] = visualEnd;
    }
  }
  return lanes;
}

/**
 * The `max` sessions that started last, latest first, ties in their given order (all of them, as given,
 * when there are no more). Every start is read once and the cut found by a native sort of the numbers
 * alone, so 100,000 sessions cost milliseconds; a start that cannot be read counts as the earliest.
 */
export function latestByStart<T extends { startedAt: Timestamp }>(sessions: readonly T[], max: number): readonly T[] {
  if (sessions.length <= max) return sessions;
  if (max <= 0) return [];
  const starts = new Float64Array(sessions.length);
  sessions.forEach((session, i) => {
    const start = toMs(session.startedAt);
    starts[i] = Number.isNaN(start) ? Number.NEGATIVE_INFINITY : start;
  });
  const cut = starts.slice().sort()[sessions.length - max]!;
  let tiesLeft = max - starts.filter((start) => start > cut).length;
  const picked: number[] = [];
  starts.forEach((start, i) => {
    if (start > cut) picked.push(i);
    else if (start === cut && tiesLeft > 0) {
      picked.push(i);
      tiesLeft--;
    }
  });
  // `|| a - b`: equal starts (and two unreadable ones, whose difference is NaN) keep their given order.
  return picked.sort((a, b) => starts[b]! - starts[a]! || a - b).map((i) => sessions[i]!);
}
