import type { UrlPeriod } from './activity.js';
import { toMs, toMsOrNull } from './time.js';

/** Time between two recorded pages shorter than this is rounding, not a gap worth showing. */
export const JOURNEY_MIN_GAP_SECONDS = 1;

/** One page of a session's journey. */
export interface JourneyPage {
  kind: 'page';
  /** 1-based position among the pages. */
  position: number;
  pathname: string;
  url: string;
  startedAt: number;
  /** Null while the visitor is still on the page. */
  endedAt: number | null;
  /** Time on page, seconds. */
  duration: number;
  /** The page the session began on. */
  entry: boolean;
  /** The page the session ended on (never set while the session is still recording). */
  exit: boolean;
}

/** Time inside the session with no page recorded: before the first page, between two, or after the last. */
export interface JourneyGap {
  kind: 'gap';
  startedAt: number;
  endedAt: number;
  /** Seconds. */
  duration: number;
}

export type JourneyStep = JourneyPage | JourneyGap;

export interface SessionJourney {
  steps: JourneyStep[];
  pages: number;
  /** Seconds spent on the pages (gaps excluded). */
  timeOnPages: number;
  /** True while the session is still recording: its last page has no exit yet. */
  open: boolean;
}

/** What the journey needs of a session (the timeline's `TimelineSession` has it). */
export interface JourneySessionInput {
  startedAt: string;
  endedAt: string | null;
  periods: readonly UrlPeriod[];
}

function gap(startedAt: number, endedAt: number): JourneyGap | undefined {
  const duration = Math.round((endedAt - startedAt) / 1000);
  return duration >= JOURNEY_MIN_GAP_SECONDS ? { kind: 'gap', startedAt, endedAt, duration } : undefined;
}

/**
 * A session's pages in the order they were visited, each with its time on page, the entry and exit
 * marked, and the unrecorded time between them as gaps. Periods with an unreadable start are
 * dropped; overlapping periods (a reload restarts the SDK's slices) simply follow each other.
 */
export function sessionJourney(session: JourneySessionInput): SessionJourney {
  const sessionStart = toMs(session.startedAt);
  const sessionEnd = toMsOrNull(session.endedAt);
  const open = session.endedAt === null;
  const periods = session.periods
    .map((period, index) => ({ period, index, start: toMs(period.startedAt), end: toMsOrNull(period.endedAt) }))
    .filter((entry) => Number.isFinite(entry.start))
    .sort((a, b) => a.start - b.start || a.index - b.index);
  const steps: JourneyStep[] = [];
  let cursor = Number.isFinite(sessionStart) ? sessionStart : undefined;
  let timeOnPages = 0;
  periods.forEach(({ period, start, end }, i) => {
    const before = cursor === undefined ? undefined : gap(cursor, start);
    if (before) steps.push(before);
    const duration = Number.isFinite(period.duration) && period.duration > 0 ? Math.round(period.duration) : 0;
    timeOnPages += duration;
    const last = i === periods.length - 1;
    steps.push({
      kind: 'page',
      position: i + 1,
      pathname: period.pathname,
      url: period.url,
      startedAt: start,
      endedAt: end,
      duration,
      entry: i === 0,
      exit: last && !open,
    });
    const pageEnd = end ?? start + duration * 1000;
    cursor = cursor === undefined ? pageEnd : Math.max(cursor, pageEnd);
  });
  if (periods.length > 0 && cursor !== undefined && sessionEnd !== null) {
    const after = gap(cursor, sessionEnd);
    if (after) steps.push(after);
  }
  return { steps, pages: periods.length, timeOnPages, open };
}
