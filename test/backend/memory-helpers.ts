// Shared helpers for the memory-backend tests: a controllable clock and Dozor wire-format bodies.
import { createMemoryBackend, type MemoryBackend } from '../../src/backend/index.js';

export const T0 = Date.parse('2026-05-01T12:00:00.000Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const KEY = `dp_${'a'.repeat(32)}`;
export const KEY2 = `dp_${'b'.repeat(32)}`;

export interface Clock {
  now: () => number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function clock(start = T0): Clock {
  let t = start;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export function setup(start = T0): { backend: MemoryBackend; clock: Clock } {
  const c = clock(start);
  const backend = createMemoryBackend({
    now: c.now,
    projects: [
      { id: 'p1', name: 'Production', key: KEY },
      { id: 'p2', name: 'Staging', key: KEY2 },
    ],
  });
  return { backend, clock: c };
}

export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface WireEvent {
  type: number;
  data: unknown;
  timestamp: number;
}

/** `count` plain rrweb events (type 3) from `start`, one every `stepMs`. */
export function events(start: number, count: number, stepMs = 1000): WireEvent[] {
  return Array.from({ length: count }, (_, i) => ({ type: 3, data: { source: 1 }, timestamp: start + i * stepMs }));
}

export function custom(tag: string, timestamp: number, payload?: unknown): WireEvent {
  return { type: 5, data: { tag, payload }, timestamp };
}

export function metadata(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    url: 'https://app.test/',
    referrer: '',
    userAgent: 'test',
    screenWidth: 1280,
    screenHeight: 800,
    language: 'en',
    ...extra,
  };
}

export function body(session: number, evs: WireEvent[], meta?: Record<string, unknown>): Record<string, unknown> {
  return meta === undefined ? { sessionId: uuid(session), events: evs } : { sessionId: uuid(session), events: evs, metadata: meta };
}

/** Ingests one real session (`count` events over `count - 1` seconds) for an identified user. */
export function realSession(
  backend: MemoryBackend,
  session: number,
  userId: string,
  start: number,
  count = 12,
  extra: Record<string, unknown> = {},
  key = KEY,
): void {
  backend.ingest(key, body(session, events(start, count), metadata({ userIdentity: { userId }, ...extra })));
}

/** Every user of a full cursor walk. */
export async function walk(
  backend: MemoryBackend,
  query: Parameters<MemoryBackend['listUsers']>[0] = {},
): Promise<Awaited<ReturnType<MemoryBackend['listUsers']>>['data']> {
  const out = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await backend.listUsers({ ...query, cursor });
    out.push(...page.data);
    cursor = page.nextCursor;
    if (cursor === null) return out;
  }
  throw new Error('cursor walk did not end');
}

export async function expectRejects(promise: Promise<unknown>): Promise<{ kind: string; field?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { kind: string; field?: string; message: string };
  }
  throw new Error('expected a rejection');
}
