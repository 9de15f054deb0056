// Replays the real Dozor SDK's recorded traffic (test/fixtures/dozor-sdk-1.1.0) into a memory backend,
// directly or over HTTP, and reads back what a faithful server shows. Shared by the Chromium test
// (test/backend/sdk-replay.test.ts) and the Node one (test/node/sdk-replay.test.ts).
import { createMemoryBackend, type MemoryBackend } from '../../src/backend/memory/index.js';
import type { DozorBackend } from '../../src/backend/types.js';

export interface SdkRequest {
  at: number;
  visitor: string;
  step: string;
  method: string;
  path: '/api/ingest' | '/api/sessions/cancel';
  headers: Record<string, string>;
  keepalive: boolean;
  wireBytes: number;
  body: { sessionId: string; events?: { timestamp: number }[]; sliceMarkers?: { startedAt: number; pathname: string }[] };
}

export interface SdkTraffic {
  recordedAt: number;
  projects: Record<'project-1' | 'project-2', { key: string; visitors: string[] }>;
  sessions: Record<'A1' | 'A2' | 'A3' | 'B1' | 'C1', string>;
  requests: SdkRequest[];
}

export type SessionLabel = keyof SdkTraffic['sessions'];

/** A memory backend with the recording's two projects (their public keys) and a clock set by the replay. */
export function replayTarget(traffic: SdkTraffic): { backend: MemoryBackend; setNow: (ms: number) => void } {
  let now = traffic.recordedAt;
  const backend = createMemoryBackend({
    now: () => now,
    projects: [
      { id: 'project-1', name: 'Project 1', key: traffic.projects['project-1'].key },
      { id: 'project-2', name: 'Project 2', key: traffic.projects['project-2'].key },
    ],
  });
  return { backend, setNow: (ms) => (now = ms) };
}

/** After the last request: what the backend's clock reads while the results are checked. */
export function endOfRecording(traffic: SdkTraffic): number {
  return traffic.recordedAt + traffic.requests[traffic.requests.length - 1]!.at + 1000;
}

/** Every request through `backend.ingest` / `backend.cancelSession`, each at its recorded time. */
export function replayDirect(traffic: SdkTraffic, backend: MemoryBackend, setNow: (ms: number) => void): void {
  for (const request of traffic.requests) {
    setNow(traffic.recordedAt + request.at);
    const key = request.headers['x-dozor-public-key']!;
    if (request.path === '/api/ingest') backend.ingest(key, request.body);
    else backend.cancelSession(key, request.body.sessionId);
  }
  setNow(endOfRecording(traffic));
}

async function gzip(text: string): Promise<ArrayBuffer> {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
}

/**
 * Every request as the SDK sent it: the same body text (`JSON.stringify(body)` is the sent text),
 * gzipped when its `content-encoding` says so, with its headers and its `keepalive` flag. Returns each
 * response's status.
 */
export async function replayOverHttp(
  traffic: SdkTraffic,
  baseUrl: string,
  setNow: (ms: number) => void,
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
): Promise<number[]> {
  const statuses: number[] = [];
  for (const request of traffic.requests) {
    setNow(traffic.recordedAt + request.at);
    const text = JSON.stringify(request.body);
    const body = request.headers['content-encoding'] === 'gzip' ? await gzip(text) : text;
    const response = await fetchImpl(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body,
      keepalive: request.keepalive,
    });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  setNow(endOfRecording(traffic));
  return statuses;
}

export interface ObservedSession {
  label: SessionLabel;
  eventCount: number;
  /** The timeline's url periods, as pathnames in order. */
  pages: string[];
  /** Each period begins where the previous one ends, from the session's start to its end. */
  periodsCoverSession: boolean;
  /** The periods' start times equal the SDK's slice starts (sorted by time, clamped to the session start). */
  periodsStartAtSlices: boolean;
}

export interface ObservedUser {
  externalId: string;
  identity: string | undefined;
  traits: Record<string, unknown> | null;
  sessionCount: number;
  tags: string[];
  sessions: ObservedSession[];
  /** Page distribution: visits per pathname, and whether the rows' time equals the sessions' time. */
  visits: Record<string, number>;
  pageTimeIsSessionTime: boolean;
  uniquePages: number;
  topPage: string | null;
  totalEvents: number;
}

export interface Observation {
  summary: { total: number; identified: number | undefined; anonymous: number | undefined };
  projects: { id: string; sessionCount: number }[];
  /** The default list (identified users only), by project then externalId. */
  listed: string[];
  users: ObservedUser[];
}

function labelOf(traffic: SdkTraffic, sessionId: string): SessionLabel {
  const found = (Object.keys(traffic.sessions) as SessionLabel[]).find((label) => traffic.sessions[label] === sessionId);
  if (!found) throw new Error(`unknown session ${sessionId}`);
  return found;
}

/** The SDK's slice starts of a session, sorted by time, none before `sessionStart`. */
function sliceStarts(traffic: SdkTraffic, sessionId: string, sessionStart: number): number[] {
  return traffic.requests
    .filter((r) => r.body.sessionId === sessionId)
    .flatMap((r) => r.body.sliceMarkers ?? [])
    .map((m) => Math.max(m.startedAt, sessionStart))
    .sort((a, b) => a - b);
}

/** Reads back every user (both identities) with its sessions, periods and page distribution. */
export async function observe(traffic: SdkTraffic, backend: DozorBackend): Promise<Observation> {
  const summary = await backend.getSummary();
  const projects = (await backend.listProjects()).map((p) => ({ id: p.id, sessionCount: p.sessionCount }));
  const listed = (await backend.listUsers({ limit: 100 })).data.map((u) => `${u.projectId}/${u.externalId}`).sort();
  const all = (await backend.listUsers({ identity: 'all', limit: 100 })).data.sort(
    (a, b) => a.projectId.localeCompare(b.projectId) || a.externalId.localeCompare(b.externalId),
  );
  const users: ObservedUser[] = [];
  for (const item of all) {
    const timeline = await backend.getTimeline(item.id, { range: '6h' });
    const activity = await backend.getActivity(item.id, { range: '6h', pageLimit: 100 });
    const sessions = (await backend.listSessions(item.id, { limit: 100 })).data;
    let sessionMs = 0;
    const observed: ObservedSession[] = timeline.sessions.map((session) => {
      const start = Date.parse(session.startedAt);
      const end = Date.parse(session.endedAt!);
      sessionMs += end - start;
      const periods = session.periods;
      const chained = periods.every((p, i) => Date.parse(p.startedAt) === (i === 0 ? start : Date.parse(periods[i - 1]!.endedAt!)));
      return {
        label: labelOf(traffic, session.externalId),
        eventCount: sessions.find((s) => s.externalId === session.externalId)!.eventCount,
        pages: periods.map((p) => p.pathname),
        periodsCoverSession: periods.length > 0 && chained && Date.parse(periods[periods.length - 1]!.endedAt!) === end,
        periodsStartAtSlices:
          JSON.stringify(periods.map((p) => Date.parse(p.startedAt))) === JSON.stringify(sliceStarts(traffic, session.externalId, start)),
      };
    });
    const rows = activity.pageDistribution;
    const rowSeconds = rows.reduce((sum, row) => sum + row.duration, 0);
    users.push({
      externalId: item.externalId,
      identity: item.identity,
      traits: item.traits,
      sessionCount: item.sessionCount,
      tags: (item.tags ?? []).map((tag) => tag.id),
      sessions: observed,
      visits: Object.fromEntries(rows.map((row) => [row.pathname, row.visits])),
      // Rows are rounded to seconds each: their sum may differ from the total by half a second per row.
      pageTimeIsSessionTime:
        Math.abs(rowSeconds - sessionMs / 1000) <= rows.length / 2 && Math.abs(rows.reduce((sum, row) => sum + row.share, 0) - 1) < 1e-9,
      uniquePages: activity.summary.uniquePages,
      topPage: activity.summary.topPage,
      totalEvents: activity.summary.totalEvents,
    });
  }
  return { summary: { total: summary.total, identified: summary.identified, anonymous: summary.anonymous }, projects, listed, users };
}

/** What the fixture's README says a faithful server shows after the replay. */
export function expectedObservation(traffic: SdkTraffic): Observation {
  const session = (label: SessionLabel, eventCount: number, pages: string[]): ObservedSession => ({
    label,
    eventCount,
    pages,
    periodsCoverSession: true,
    periodsStartAtSlices: true,
  });
  const visitsOf = (pages: string[]) => pages.reduce<Record<string, number>>((acc, page) => ({ ...acc, [page]: (acc[page] ?? 0) + 1 }), {});
  const user = (
    externalId: string,
    identity: 'identified' | 'anonymous',
    traits: Record<string, unknown> | null,
    tags: string[],
    one: ObservedSession,
    topPage: string,
  ): ObservedUser => ({
    externalId,
    identity,
    traits,
    sessionCount: 1,
    tags,
    sessions: [one],
    visits: visitsOf(one.pages),
    pageTimeIsSessionTime: true,
    uniquePages: new Set(one.pages).size,
    topPage,
    totalEvents: one.eventCount,
  });
  const a1 = session('A1', 333, ['/', '/pricing', '/docs', '/docs', '/account', '/checkout']);
  return {
    summary: { total: 4, identified: 2, anonymous: 2 },
    projects: [
      { id: 'project-2', sessionCount: 1 },
      { id: 'project-1', sessionCount: 3 },
    ],
    listed: ['project-1/user-42', 'project-1/user-7'],
    users: [
      user(traffic.sessions.A2, 'anonymous', null, ['new'], session('A2', 108, ['/checkout', '/', '/blog']), '/checkout'),
      user(
        'user-42',
        'identified',
        { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines', plan: 'pro' },
        ['new', 'work-info', 'contact-info'],
        a1,
        '/docs',
      ),
      user('user-7', 'identified', { email: 'grace@example.com' }, ['new', 'contact-info'], session('C1', 17, ['/pricing']), '/pricing'),
      user(traffic.sessions.B1, 'anonymous', null, ['new'], session('B1', 116, ['/blog', '/contact']), '/blog'),
    ],
  };
}
