/**
 * An in-memory stand-in for Ductape's `sessions` SDK calls, answering with seed 002's exact shapes
 * (`_id`, `ductape_user_id`, snake_case times, `totalPages`, `activeSessionsCount`…), for the adapter's
 * tests and for stories that want the Ductape adapter without a Ductape account.
 */
import type {
  DuctapeFetchUserDetailsArgs,
  DuctapeFetchUsersArgs,
  DuctapeSessionsClient,
  DuctapeUserDetails,
  DuctapeUsersPage,
  DuctapeUserSessionInfo,
} from '../../src/backend/ductape/index.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface FakeDuctapeSession {
  id: string;
  /** Milliseconds before `now` the session started. */
  startedAgo: number;
  /** How long the session is valid for (its `end_at` is start + this). */
  lifetime: number;
  active: boolean;
}

export interface FakeDuctapeUser {
  identifier: string;
  /** Milliseconds before `now` of first and last activity; `lastSeenAgo` null = never seen. */
  firstSeenAgo: number;
  lastSeenAgo: number | null;
  sessions: FakeDuctapeSession[];
}

export interface FakeDuctapeCall {
  method: 'fetchUsers' | 'fetchUserDetails';
  args: DuctapeFetchUsersArgs | DuctapeFetchUserDetailsArgs;
}

export interface FakeDuctapeClient extends DuctapeSessionsClient {
  readonly calls: FakeDuctapeCall[];
  /** The users in Ductape's own order (most recently seen first); tests may add or remove users mid-walk. */
  readonly users: FakeDuctapeUser[];
  /** Replaces the next answer of `method` (a function runs instead of the fake's own logic). */
  answerNext(method: FakeDuctapeCall['method'], answer: () => Promise<unknown>): void;
  /** Holds every answer of `method` until `released` resolves (a test's gate: "in flight" for as long as it likes). */
  hold(method: FakeDuctapeCall['method'], released: Promise<void>): void;
}

export interface FakeDuctapeOptions {
  product?: string;
  session?: string;
  env?: string;
  now?: number;
  users?: FakeDuctapeUser[];
}

/** A small realistic set: one online now, one seen today, one longtime returning, one new, one dormant. */
export function sampleDuctapeUsers(): FakeDuctapeUser[] {
  return [
    {
      identifier: 'ada@engines.test',
      firstSeenAgo: 90 * DAY,
      lastSeenAgo: 30_000,
      sessions: [
        { id: 'sess-ada-3', startedAgo: 20 * MIN, lifetime: 7 * DAY, active: true },
        { id: 'sess-ada-2', startedAgo: 10 * DAY, lifetime: 7 * DAY, active: false },
        { id: 'sess-ada-1', startedAgo: 90 * DAY, lifetime: 7 * DAY, active: false },
      ],
    },
    {
      identifier: 'bob@stone.test',
      firstSeenAgo: 20 * DAY,
      lastSeenAgo: 3 * HOUR,
      sessions: [
        { id: 'sess-bob-2', startedAgo: 4 * HOUR, lifetime: HOUR, active: false },
        { id: 'sess-bob-1', startedAgo: 20 * DAY, lifetime: HOUR, active: false },
      ],
    },
    {
      identifier: 'cy@hidden.test',
      firstSeenAgo: 2 * DAY,
      lastSeenAgo: 2 * DAY,
      sessions: [{ id: 'sess-cy-1', startedAgo: 2 * DAY, lifetime: 30 * DAY, active: true }],
    },
    {
      identifier: 'dee@example.test',
      firstSeenAgo: 40 * DAY,
      lastSeenAgo: 30 * DAY,
      sessions: [{ id: 'sess-dee-1', startedAgo: 40 * DAY, lifetime: DAY, active: false }],
    },
  ];
}

/** `count` generated users, for paging tests; ids `user-000@paging.test`… in most-recent-first order. */
export function manyDuctapeUsers(count: number): FakeDuctapeUser[] {
  return Array.from({ length: count }, (_, i) => ({
    identifier: `user-${String(i).padStart(3, '0')}@paging.test`,
    firstSeenAgo: (i + 1) * DAY,
    lastSeenAgo: (i + 1) * MIN,
    sessions: [{ id: `sess-${i}`, startedAgo: (i + 1) * MIN, lifetime: HOUR, active: i % 2 === 0 }],
  }));
}

export function createFakeDuctapeClient(options: FakeDuctapeOptions = {}): FakeDuctapeClient {
  const product = options.product ?? 'shop';
  const sessionTag = options.session ?? 'user-session';
  const env = options.env ?? 'production';
  const now = options.now ?? Date.now();
  const iso = (ago: number) => new Date(now - ago).toISOString();
  const overrides: { method: FakeDuctapeCall['method']; answer: () => Promise<unknown> }[] = [];

  const userRecord = (user: FakeDuctapeUser, index: number) => ({
    _id: `65f0${String(index).padStart(20, '0')}`,
    ductape_user_id: `du_${user.identifier.replace(/[^a-z0-9]/gi, '_')}`,
    product_tag: product,
    session_tag: sessionTag,
    identifier: user.identifier,
    env,
    first_seen: iso(user.firstSeenAgo),
    last_seen: user.lastSeenAgo === null ? null : iso(user.lastSeenAgo),
    createdAt: iso(user.firstSeenAgo),
    updatedAt: iso(user.lastSeenAgo ?? user.firstSeenAgo),
  });

  const sessionRecord = (session: FakeDuctapeSession): DuctapeUserSessionInfo => ({
    session_id: session.id,
    start_at: iso(session.startedAgo),
    end_at: iso(session.startedAgo - session.lifetime),
    active: session.active,
  });

  const held = new Map<FakeDuctapeCall['method'], Promise<void>>();
  const answer = async <T>(method: FakeDuctapeCall['method'], own: () => T): Promise<T> => {
    await held.get(method);
    const index = overrides.findIndex((o) => o.method === method);
    if (index >= 0) {
      const [override] = overrides.splice(index, 1);
      return (await override!.answer()) as T;
    }
    return own();
  };

  const client: FakeDuctapeClient = {
    calls: [],
    users: [...(options.users ?? sampleDuctapeUsers())],
    hold(method, released) {
      held.set(method, released);
    },
    answerNext(method, fn) {
      overrides.push({ method, answer: fn });
    },
    sessions: {
      fetchUsers(args: DuctapeFetchUsersArgs): Promise<DuctapeUsersPage> {
        client.calls.push({ method: 'fetchUsers', args });
        return answer('fetchUsers', () => {
          const page = args.page ?? 1;
          const limit = args.limit ?? 20;
          const total = client.users.length;
          return {
            users: client.users.slice((page - 1) * limit, page * limit).map(userRecord),
            total,
            page,
            limit,
            totalPages: Math.ceil(total / limit),
          };
        });
      },
      fetchUserDetails(args: DuctapeFetchUserDetailsArgs): Promise<DuctapeUserDetails> {
        client.calls.push({ method: 'fetchUserDetails', args });
        return answer('fetchUserDetails', () => {
          const index = client.users.findIndex((u) => u.identifier === args.identifier);
          const user = client.users[index];
          if (!user) throw Object.assign(new Error('Session user not found'), { status: 404 });
          return {
            ...userRecord(user, index),
            sessions: user.sessions.map(sessionRecord),
            totalSessions: user.sessions.length,
            activeSessionsCount: user.sessions.filter((s) => s.active).length,
          };
        });
      },
    },
  };
  return client;
}
