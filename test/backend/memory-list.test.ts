import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { MemoryBackend, TrackedUserListItem, UserSort } from '../../src/backend/index.js';
import { deriveStatus } from '../../src/core/index.js';
import { body, DAY, events, KEY, KEY2, metadata, MIN, setup, T0, walk } from './memory-helpers.js';

// A brute-force oracle, written from the reference rules (not from the backend's code).
interface SpecSession {
  ago: number;
  count: number;
  stepMs: number;
}
interface SpecUser {
  anonymous: boolean;
  project: 'p1' | 'p2';
  prefix: string;
  createdAgo: number;
  sessions: SpecSession[];
}
interface Oracle {
  externalId: string;
  identity: 'identified' | 'anonymous';
  projectId: string;
  createdAt: number;
  sessionCount: number;
  lastEventAt: number | null;
  activeTime7d: number;
  status: string;
  id?: string;
}

const ticks = [0, 30_000, 2 * MIN, 2 * MIN + 1, DAY, DAY + 1, 3 * DAY, 7 * DAY, 7 * DAY + 1, 9 * DAY];
const sessionArb = fc.record({
  ago: fc.oneof(fc.constantFrom(...ticks), fc.integer({ min: 0, max: 10 * DAY })),
  count: fc.integer({ min: 5, max: 14 }),
  stepMs: fc.constantFrom(0, 50, 100, 1000, 7000),
});
const userArb = fc.record({
  anonymous: fc.boolean(),
  project: fc.constantFrom('p1' as const, 'p2' as const),
  prefix: fc.constantFrom('usr_', 'u%', 'Acme_', 'x'),
  createdAgo: fc.oneof(fc.constantFrom(0, DAY, 7 * DAY, 8 * DAY), fc.integer({ min: 0, max: 20 * DAY })),
  sessions: fc.array(sessionArb, { maxLength: 4 }),
});

function statusOf(last: number | null): string {
  if (last === null) return 'DORMANT';
  const elapsed = T0 - last;
  if (elapsed <= 2 * MIN) return 'ONLINE';
  if (elapsed <= DAY) return 'ACTIVE_24H';
  if (elapsed <= 7 * DAY) return 'IDLE_7D';
  return 'DORMANT';
}

function build(users: SpecUser[]): { backend: MemoryBackend; oracle: Oracle[]; clock: { set(t: number): void } } {
  const { backend, clock } = setup();
  let sessionNo = 0;
  const oracle = users.map((u, i): Oracle => {
    const externalId = `${u.prefix}${i}`;
    clock.set(T0 - u.createdAgo);
    const sessions = u.sessions.length > 0 ? u.sessions : [{ ago: DAY, count: 3, stepMs: 1000 }];
    const meta = metadata(u.anonymous ? { anonymousId: externalId } : { userIdentity: { userId: externalId } });
    let sessionCount = 0;
    let lastEventAt: number | null = null;
    let activeTime7d = 0;
    for (const s of sessions) {
      const start = T0 - s.ago;
      backend.ingest(u.project === 'p1' ? KEY : KEY2, body(++sessionNo, events(start, s.count, s.stepMs), meta));
      const end = start + (s.count - 1) * s.stepMs;
      const duration = Math.round((end - start) / 1000);
      if (s.count < 10 || duration < 1) continue;
      sessionCount++;
      lastEventAt = lastEventAt === null ? end : Math.max(lastEventAt, end);
      if (start >= T0 - 7 * DAY) activeTime7d += duration;
    }
    return {
      externalId,
      identity: u.anonymous ? 'anonymous' : 'identified',
      projectId: u.project,
      createdAt: T0 - u.createdAgo,
      sessionCount,
      lastEventAt,
      activeTime7d,
      status: statusOf(lastEventAt),
    };
  });
  clock.set(T0);
  return { backend, oracle, clock };
}

const keyOf: Record<UserSort, (o: Oracle) => number> = {
  'last-seen': (o) => o.lastEventAt ?? -Infinity,
  sessions: (o) => o.sessionCount,
  'active-time': (o) => o.activeTime7d,
  newest: (o) => o.createdAt,
};

function referenceOrder(rows: Oracle[], sort: UserSort, dir: 'asc' | 'desc'): string[] {
  const asc = [...rows].sort((a, b) => keyOf[sort](a) - keyOf[sort](b) || (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0));
  return (dir === 'asc' ? asc : asc.reverse()).map((o) => o.id!);
}

async function attachIds(backend: MemoryBackend, oracle: Oracle[]): Promise<void> {
  const all = await walk(backend, { identity: 'all', limit: 100 });
  const byKey = new Map(all.map((u: TrackedUserListItem) => [`${u.identity}|${u.projectId}|${u.externalId}`, u]));
  for (const o of oracle) {
    const item = byKey.get(`${o.identity}|${o.projectId}|${o.externalId}`)!;
    expect(item, o.externalId).to.exist;
    expect(
      {
        sessionCount: item.sessionCount,
        lastEventAt: item.lastEventAt,
        activeTime7d: item.activeTime7d,
        status: item.status,
        createdAt: item.createdAt,
      },
      o.externalId,
    ).to.deep.equal({
      sessionCount: o.sessionCount,
      lastEventAt: o.lastEventAt === null ? null : new Date(o.lastEventAt).toISOString(),
      activeTime7d: o.activeTime7d,
      status: o.status,
      createdAt: new Date(o.createdAt).toISOString(),
    });
    o.id = item.id;
  }
}

const filterArb = fc.record({
  statuses: fc.subarray(['ONLINE', 'ACTIVE_24H', 'IDLE_7D', 'DORMANT'] as const),
  projectIds: fc.subarray(['p1', 'p2', 'ghost']),
  identity: fc.constantFrom('identified' as const, 'anonymous' as const, 'all' as const, undefined),
  search: fc.constantFrom('', 'usr', 'U%', '_', '1', ' acme ', 'zz'),
  limit: fc.integer({ min: 1, max: 7 }),
});

describe('memory backend: list pagination (property)', () => {
  it('walks every sort × direction × filter exactly once, in the order of one global sort', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(userArb, { minLength: 30, maxLength: 80 }), filterArb, async (users, filter) => {
        const { backend, oracle } = build(users);
        await attachIds(backend, oracle);
        const identity = filter.identity ?? 'identified';
        const known = filter.projectIds.filter((p) => p !== 'ghost');
        const q = filter.search.trim().toLowerCase();
        const matching = oracle.filter(
          (o) =>
            (identity === 'all' || o.identity === identity) &&
            (known.length === 0 || known.includes(o.projectId)) &&
            (filter.statuses.length === 0 || (filter.statuses as readonly string[]).includes(o.status)) &&
            (q === '' || o.externalId.toLowerCase().includes(q)),
        );
        for (const sort of ['last-seen', 'sessions', 'active-time', 'newest'] as const) {
          for (const sortDir of ['desc', 'asc'] as const) {
            const query = { ...filter, sort, sortDir, statuses: [...filter.statuses] };
            const pages = [];
            let cursor: string | null = null;
            do {
              const page = await backend.listUsers({ ...query, cursor });
              expect(page.total).to.equal(matching.length);
              expect(page.data.length).to.be.at.most(filter.limit);
              if (page.nextCursor !== null) expect(page.data.length).to.equal(filter.limit);
              pages.push(...page.data.map((u) => u.id));
              cursor = page.nextCursor;
            } while (cursor !== null);
            expect(pages, `${sort} ${sortDir}`).to.deep.equal(referenceOrder(matching, sort, sortDir));
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('summary counts follow the clock exactly, forwards and back, across every status and week boundary', async () => {
    const offsets = [0, 1, 2 * MIN, 2 * MIN + 1, DAY, DAY + 1, 7 * DAY, 7 * DAY + 1, 14 * DAY + 1];
    await fc.assert(
      fc.asyncProperty(
        fc.array(userArb, { minLength: 20, maxLength: 40 }),
        fc.array(fc.oneof(fc.constantFrom(...offsets), fc.integer({ min: -DAY, max: 15 * DAY })), { minLength: 4, maxLength: 10 }),
        async (users, moves) => {
          const { backend, oracle, clock } = build(users);
          // Each user's own boundaries too: the moment its status or its week changes, and the ms after.
          const edges = oracle.flatMap((o) =>
            [
              o.lastEventAt === null ? [] : [o.lastEventAt + 2 * MIN, o.lastEventAt + DAY],
              [o.createdAt + 7 * DAY, o.createdAt + 14 * DAY],
            ].flat(),
          );
          const times = [...moves.map((m) => T0 + m), ...edges.slice(0, 6).flatMap((t) => [t, t + 1])];
          for (const now of times) {
            clock.set(now);
            const summary = await backend.getSummary();
            const status = (o: Oracle) => deriveStatus(o.lastEventAt, now);
            expect(summary.onlineNow, `online at ${now - T0}`).to.equal(oracle.filter((o) => status(o) === 'ONLINE').length);
            expect(summary.active24h, `active at ${now - T0}`).to.equal(
              oracle.filter((o) => status(o) === 'ONLINE' || status(o) === 'ACTIVE_24H').length,
            );
            expect(summary.newThisWeek, `new at ${now - T0}`).to.equal(oracle.filter((o) => o.createdAt >= now - 7 * DAY).length);
            expect(summary.newPreviousWeek, `previous week at ${now - T0}`).to.equal(
              oracle.filter((o) => o.createdAt < now - 7 * DAY && o.createdAt >= now - 14 * DAY).length,
            );
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('summary counts equal list walks with the matching filters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(userArb, { minLength: 30, maxLength: 60 }), async (users) => {
        const { backend, oracle } = build(users);
        const summary = await backend.getSummary();
        const count = async (query: object) => (await walk(backend, { identity: 'all', limit: 100, ...query })).length;
        expect(summary.onlineNow).to.equal(await count({ statuses: ['ONLINE'] }));
        expect(summary.active24h).to.equal(await count({ statuses: ['ONLINE', 'ACTIVE_24H'] }));
        expect(summary.identified).to.equal(await count({ identity: 'identified' }));
        expect(summary.anonymous).to.equal(await count({ identity: 'anonymous' }));
        expect(summary.total).to.equal(summary.identified! + summary.anonymous!);
        expect(summary.total).to.equal(oracle.length);
        expect(summary.newThisWeek).to.equal(oracle.filter((o) => o.createdAt >= T0 - 7 * DAY).length);
        expect(summary.newPreviousWeek).to.equal(oracle.filter((o) => o.createdAt < T0 - 7 * DAY && o.createdAt >= T0 - 14 * DAY).length);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps the active-time order exact as the clock moves (forwards and back)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(userArb, { minLength: 30, maxLength: 50 }),
        fc.array(fc.integer({ min: -2 * DAY, max: 4 * DAY }), { minLength: 1, maxLength: 4 }),
        async (users, moves) => {
          const { backend, clock } = setup();
          let n = 0;
          users.forEach((u, i) => {
            for (const s of u.sessions) {
              backend.ingest(KEY, body(++n, events(T0 - s.ago, s.count, s.stepMs), metadata({ userIdentity: { userId: `u${i}` } })));
            }
          });
          await backend.listUsers({ sort: 'active-time' }); // build the index at T0
          let t = T0;
          for (const move of moves) {
            t += move;
            clock.set(t);
            const walked = await walk(backend, { sort: 'active-time', sortDir: 'asc', limit: 7 });
            const expected = [...walked].sort((a, b) => a.activeTime7d - b.activeTime7d || (a.id < b.id ? -1 : 1));
            expect(walked.map((u) => u.id)).to.deep.equal(expected.map((u) => u.id));
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('memory backend: merges (property)', () => {
  type Step = { visitor: number; kind: 'anon' | 'login' | 'identified' | 'late-anon-batch'; count: number };
  const stepArb = fc.record({
    visitor: fc.integer({ min: 0, max: 4 }),
    kind: fc.constantFrom('anon' as const, 'login' as const, 'identified' as const, 'late-anon-batch' as const),
    count: fc.integer({ min: 8, max: 14 }),
  });

  it('loses or duplicates no session: sessionCount over all users = real sessions with a profile', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 40 }), async (steps: Step[]) => {
        const { backend } = setup();
        const realWithProfile = new Set<number>();
        let n = 0;
        let lastIdentified = new Map<number, number>();
        for (const step of steps) {
          const anonymousId = `v${step.visitor}`;
          const userIdentity = { userId: `user${step.visitor}` };
          const real = step.count >= 10;
          if (step.kind === 'late-anon-batch') {
            const session = lastIdentified.get(step.visitor);
            if (session === undefined) continue;
            backend.ingest(KEY, body(session, events(T0 - DAY + session * 1000, 10), metadata({ anonymousId })));
            realWithProfile.add(session); // 10 more events: real now, still on the identified user
            continue;
          }
          const session = ++n;
          const meta = step.kind === 'anon' ? { anonymousId } : { anonymousId, userIdentity };
          backend.ingest(KEY, body(session, events(T0 - DAY + session * 1000, step.count), metadata(meta)));
          if (step.kind !== 'anon') lastIdentified.set(step.visitor, session);
          if (real) realWithProfile.add(session);
        }
        const users = await walk(backend, { identity: 'all', limit: 100 });
        expect(users.reduce((sum, u) => sum + u.sessionCount, 0)).to.equal(realWithProfile.size);
        const seen: string[] = [];
        for (const user of users) {
          let cursor: string | null = null;
          do {
            const page = await backend.listSessions(user.id, { cursor, limit: 3 });
            seen.push(...page.data.map((s) => s.externalId));
            cursor = page.nextCursor;
          } while (cursor !== null);
          expect(user.sessionCount).to.equal((await backend.listSessions(user.id, { limit: 100 })).data.length);
        }
        expect(new Set(seen).size).to.equal(seen.length);
        expect(seen.length).to.equal(realWithProfile.size);
        // Identified users never hold a session that was ingested anonymously after their last login... and
        // anonymous profiles hold only sessions recorded anonymously after their last merge.
        const summary = await backend.getSummary();
        expect(summary.total).to.equal(users.length);
        lastIdentified = new Map();
      }),
      { numRuns: 40 },
    );
  });
});
