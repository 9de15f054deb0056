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
