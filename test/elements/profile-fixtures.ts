/**
 * Shared data for the profile tests: a memory backend with a controllable clock and sessions
 * ingested in Dozor's wire format, plus an independent model of the expected stats.
 */
import { ContextProvider } from '@lit/context';
import { createMemoryBackend, type MemoryBackend } from '../../src/backend/memory/index.js';
import type { DozorBackend, Role } from '../../src/backend/index.js';
import { metadata } from '../backend/memory-helpers.js';
import { dozorConfigContext, type DozorConfig } from '../../src/elements/shared/context.js';

export const NOW = Date.UTC(2026, 4, 13, 12, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface SessionSpec {
  /** ms offsets relative to NOW (negative = past). */
  start: number;
  end: number;
  events: number;
  path: string;
}

export interface UserSpec {
  externalId: string;
  traits?: Record<string, unknown>;
  sessions: SessionSpec[];
}

let uuidCounter = 0;
export function uuid(): string {
  uuidCounter++;
  return `00000000-0000-4000-8000-${uuidCounter.toString(16).padStart(12, '0')}`;
}

export interface Scenario {
  backend: MemoryBackend;
  clock: { now: number };
  projectKey: string;
}

/** A backend on a fixed clock (NOW unless given) with one project, `prj_prod` ("Production" unless named). */
export function createScenario(projectName = 'Production', now = NOW): Scenario {
  const clock = { now };
  const backend = createMemoryBackend({ now: () => clock.now, projects: [] });
  const project = backend.addProject({ id: 'prj_prod', name: projectName });
  return { backend, clock, projectKey: project.key };
}

/** Ingests one session as a single batch whose events are spread evenly from start to end. */
export function ingestSession(scenario: Scenario, user: UserSpec | null, session: SessionSpec): void {
  const start = NOW + session.start;
  const end = NOW + session.end;
  const events = Array.from({ length: session.events }, (_, i) => ({
    type: 3,
    data: { source: 1 },
    timestamp: session.events === 1 ? start : Math.round(start + ((end - start) * i) / (session.events - 1)),
  }));
  scenario.backend.ingest(scenario.projectKey, {
    sessionId: uuid(),
    events,
    metadata: metadata({
      url: `https://app.example.com${session.path}`,
      ...(user ? { userIdentity: { userId: user.externalId, ...(user.traits ? { traits: user.traits } : {}) } } : {}),
    }),
  });
}

/** Ingests every session of the user and returns the tracked user's id. */
export async function addUser(scenario: Scenario, user: UserSpec): Promise<string> {
  for (const session of user.sessions) ingestSession(scenario, user, session);
  return trackedUserId(scenario.backend, user.externalId);
}

/** The id of the tracked user with this externalId (identified or anonymous). */
export async function trackedUserId(backend: MemoryBackend, externalId: string): Promise<string> {
  const page = await backend.listUsers({ search: externalId, identity: 'all', limit: 100 });
  const row = page.data.find((item) => item.externalId === externalId);
  if (!row) throw new Error(`user ${externalId} was not created`);
  return row.id;
}

const WINDOW: Record<'6h' | '24h' | '7d', number> = { '6h': 6 * HOUR, '24h': DAY, '7d': 7 * DAY };

const isReal = (s: SessionSpec) => s.events >= 10 && Math.round((s.end - s.start) / 1000) >= 1;

/** The six stats of reference §2.6, computed from the specs without the library. */
export function expectedStats(sessions: SessionSpec[], range: '6h' | '24h' | '7d') {
  const to = NOW;
  const from = to - WINDOW[range];
  const real = sessions.filter(isReal);
  const inWindow = real.filter((s) => NOW + s.start >= from && NOW + s.start < to);
  const sessionCount = inWindow.length;
  const totalActiveTime = inWindow.reduce((sum, s) => sum + Math.round((s.end - s.start) / 1000), 0);
  const totalEvents = real.filter((s) => NOW + s.start >= from && NOW + s.start < to).reduce((sum, s) => sum + s.events, 0);
  const pages = new Map<string, number>();
  for (const s of real) {
    const start = Math.max(NOW + s.start, from);
    const end = Math.min(NOW + s.end, to);
    if (end <= start) continue;
    pages.set(s.path, (pages.get(s.path) ?? 0) + (end - start));
  }
  const ordered = [...pages.entries()].sort((a, b) => b[1] - a[1]);
  return {
    sessionCount,
    totalActiveTime,
    avgSessionDuration: sessionCount > 0 ? Math.round(totalActiveTime / sessionCount) : 0,
    totalEvents,
    uniquePages: pages.size,
    topPage: ordered[0]?.[0] ?? null,
  };
}

/** A plain element that provides the dozor config to its children, like `<dozor-provider>`. */
export function providerHost(config: DozorConfig): HTMLElement {
  const host = document.createElement('div');
  new ContextProvider(host, { context: dozorConfigContext, initialValue: config });
  return host;
}

export function withRole(backend: DozorBackend, role: Role): DozorConfig {
  return { backend, role, locale: 'en-GB', refreshInterval: 0 };
}

/** English duration as in reference §2.11 (at most two components). */
export function englishDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    return seconds % 60 === 0 ? `${m}m` : `${m}m ${seconds % 60}s`;
  }
  const totalMinutes = Math.floor(seconds / 60);
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}
