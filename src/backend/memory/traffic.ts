/**
 * Live traffic for the demo and Storybook: visitors start sessions, browse, sign up, buy and leave,
 * all sent through `backend.ingest` in Dozor's wire format, so every rule (identity merge, url
 * periods, orders, status) is exercised exactly as real SDK traffic would.
 */
import { MINUTE_MS, seededRandom } from '../../core/index.js';
import { SIMULATED_CLIENTS, type SimulatedClient } from './clients.js';
import type { MemoryBackend } from './contract.js';

export interface TrafficOptions {
  /** Ingest batches per second on average (default 2). */
  ratePerSecond?: number;
  seed?: number | string;
  /** How often batches are sent (default 1000 ms). */
  tickMs?: number;
  /** Called when an ingest fails; the simulator then stops. Defaults to `console.error`. */
  onError?: (error: unknown) => void;
}

export interface TrafficSimulator {
  /** Sends the batches of `elapsedMs` of traffic ending at the backend's current time. */
  step(elapsedMs: number): void;
  /** Live sessions right now. */
  readonly liveSessions: number;
}

interface LiveSession {
  sessionId: string;
  projectKey: string;
  origin: string;
  /** The SDK's anonymous visitor id, kept across identify (as a real browser would). */
  anonymousId: string;
  userId: string | null;
  /** A visitor who signs up during this session: identifies at `signUpAt`. */
  signUp: { userId: string; traits: Record<string, unknown> } | null;
  signUpAt: number;
  lastBatchAt: number;
  endsAt: number;
  pathname: string;
  client: SimulatedClient;
}

const LIVE_PAGES = [
  '/',
  '/pricing',
  '/dashboard',
  '/dashboard',
  '/settings/billing',
  '/projects/alpha',
  '/reports/weekly',
  '/docs/getting-started',
  '/checkout',
  '/integrations',
];
const SIGNUP_NAMES = [
  'Ada Park',
  'Ben Otieno',
  'Clara Jensen',
  'Diego Alvarez',
  'Esme Laurent',
  'Femi Adeyemi',
  'Greta Holm',
  'Hugo Brandt',
];
const MAX_LIVE_SESSIONS = 40;
const CUSTOM_EVENT = 5;
const INCREMENTAL_SNAPSHOT = 3;

/** A stepper over the backend's clock, for tests and for callers that drive time themselves. */
export function createTrafficSimulator(
  backend: MemoryBackend,
  options: Pick<TrafficOptions, 'ratePerSecond' | 'seed'> = {},
): TrafficSimulator {
  const rate = options.ratePerSecond ?? 2;
  if (!Number.isFinite(rate) || rate <= 0) throw new RangeError('ratePerSecond must be a positive number');
  const random = seededRandom(options.seed ?? 'traffic');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const live: LiveSession[] = [];
  let visitorSeq = 0;
  let identified: { projectKey: string; externalId: string }[] | null = null;

  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = '8';
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  // Random-looking like a real SDK's ids (48 bits: no clash in practice, even between simulators); the seed stays out of names.
  const shortId = () => uuid().replace(/-/g, '').slice(0, 12);

  /** Returning users come back from the existing identified users (sampled once, up to 500). */
  const returningUsers = () => {
    if (!identified) {
      identified = [];
      const keys = new Map([...backend.store.projects.values()].map((p) => [p.id, p.key]));
      for (const user of backend.store.users.values()) {
        if (user.identity === 'identified') identified.push({ projectKey: keys.get(user.projectId)!, externalId: user.externalId });
        if (identified.length >= 500) break;
      }
    }
    return identified;
  };

  const startSession = (now: number): LiveSession => {
    const projects = [...backend.store.projects.values()];
    const returning = returningUsers();
    const r = random();
    const visitor = ++visitorSeq;
    const base = {
      sessionId: uuid(),
      anonymousId: `anon_${shortId()}`,
      lastBatchAt: now,
      endsAt: now + MINUTE_MS + random() * 8 * MINUTE_MS,
      pathname: pick(LIVE_PAGES),
      client: pick(SIMULATED_CLIENTS),
      signUp: null,
      signUpAt: 0,
      userId: null,
    };
    if (r < 0.55 && returning.length > 0) {
      const user = pick(returning);
      return { ...base, projectKey: user.projectKey, origin: 'https://app.northwind.test', userId: user.externalId };
    }
    const projectKey = pick(projects).key;
    if (r < 0.7) {
      const name = pick(SIGNUP_NAMES);
      const userId = `usr_live_${shortId()}`;
      const email = `${name.toLowerCase().replace(' ', '.')}.${visitor}@example.test`;
      return {
        ...base,
        projectKey,
        origin: 'https://app.northwind.test',
        signUp: { userId, traits: { name, email, plan: 'free' } },
        signUpAt: now + (base.endsAt - now) / 2,
      };
    }
    return { ...base, projectKey, origin: 'https://www.northwind.test' };
  };

  const sendBatch = (session: LiveSession, now: number) => {
    const from = session.lastBatchAt;
    const count = 5 + Math.floor(random() * 25);
    const events: { type: number; data: unknown; timestamp: number }[] = [];
    for (let i = 0; i < count; i++)
      events.push({ type: INCREMENTAL_SNAPSHOT, data: { source: 1 }, timestamp: Math.floor(from + ((now - from) * (i + 1)) / count) });
    if (random() < 0.3) session.pathname = pick(LIVE_PAGES);
    events.unshift({
      type: CUSTOM_EVENT,
      data: { tag: 'dozor:url', payload: { url: `${session.origin}${session.pathname}`, pathname: session.pathname } },
      timestamp: Math.floor(from),
    });
    // The SDK's identify call: a marker in the stream, and the identity (with traits) in the batch metadata.
    let identity: { userId: string; traits?: Record<string, unknown> } | null = session.userId ? { userId: session.userId } : null;
    if (session.signUp && now >= session.signUpAt) {
      identity = session.signUp;
      session.userId = session.signUp.userId;
      events.push({ type: CUSTOM_EVENT, data: { tag: 'dozor:identity', payload: identity }, timestamp: Math.floor(now) });
      session.signUp = null;
    }
    if (session.userId && session.pathname === '/checkout' && random() < 0.3) {
      events.push({
        type: CUSTOM_EVENT,
        data: { tag: 'dozor:order', payload: { total: Math.round(random() * 20000) / 100 } },
        timestamp: Math.floor(now),
      });
    }
    events.sort((a, b) => a.timestamp - b.timestamp);
    backend.ingest(session.projectKey, {
      sessionId: session.sessionId,
      events,
      metadata: {
        url: `${session.origin}${session.pathname}`,
        referrer: '',
        ...session.client,
        anonymousId: session.anonymousId,
        ...(identity ? { userIdentity: identity } : {}),
      },
    });
    session.lastBatchAt = now;
  };

  return {
    get liveSessions() {
      return live.length;
    },
    step(elapsedMs: number) {
      const now = backend.now();
      for (let i = live.length - 1; i >= 0; i--) if (live[i]!.endsAt <= now) live.splice(i, 1);
      const batches = Math.floor((rate * elapsedMs) / 1000 + random());
      for (let b = 0; b < batches; b++) {
        const startNew = live.length === 0 || (live.length < MAX_LIVE_SESSIONS && random() < 0.35);
        const session = startNew ? startSession(now - 1000) : pick(live);
        if (startNew) live.push(session);
        if (session.lastBatchAt < now) sendBatch(session, now);
      }
    },
  };
}

/** Sends live traffic every `tickMs` until the returned function is called. */
export function simulateTraffic(backend: MemoryBackend, options: TrafficOptions = {}): () => void {
  const simulator = createTrafficSimulator(backend, options);
  const tickMs = options.tickMs ?? 1000;
  const onError = options.onError ?? ((error: unknown) => console.error('dozor-elements: traffic simulation stopped', error));
  const timer = setInterval(() => {
    try {
      simulator.step(tickMs);
    } catch (error) {
      clearInterval(timer);
      onError(error);
    }
  }, tickMs);
  return () => clearInterval(timer);
}
