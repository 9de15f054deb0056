// Ingest under load (issue 15): live traffic at 1,000 batches per second for 10 s on a generated
// dataset while the list and the summary are read continuously. Checks, against every batch sent,
// that no session is lost or counted twice, and that the reads stay within their targets.
//
// The traffic is `simulateTraffic`'s own stepper (`createTrafficSimulator`), 25 of them at 40 batches
// per second each: one simulator keeps at most 40 sessions live, and stepping by the real elapsed time
// keeps the rate when reads delay a tick (a fixed-interval timer would drop those batches).
import {
  createMemoryBackend,
  createTrafficSimulator,
  type ListUsersQuery,
  type Page,
  type TrackedUserListItem,
} from '../src/backend/index.js';
import { MIN_REAL_SESSION_DURATION_SECONDS, MIN_REAL_SESSION_EVENTS } from '../src/core/index.js';
import { fmt, percentile } from './stats.js';

const USERS = 10_000;
const RATE_PER_SECOND = 1_000;
const SIMULATORS = 25;
const DURATION_MS = 10_000;
/** Ticks of 10 ms: ten batches at a time, so reads interleave with ingest instead of waiting out a 1 s burst. */
const TICK_MS = 10;
const TARGETS = { listP50Ms: 2, summaryP50Ms: 2 };
const NOW = Date.parse('2026-11-22T12:00:00.000Z');
const clockStart = performance.now();
const now = () => NOW + Math.floor(performance.now() - clockStart);

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

const genStart = performance.now();
const backend = createMemoryBackend({
  now,
  projects: [
    { id: 'prj_prod', name: 'Production' },
    { id: 'prj_web', name: 'Marketing site' },
  ],
  generate: { seed: 'ingest-load', users: USERS, sessionsPerUser: 10, days: 30 },
});
console.log(
  `generated ${backend.store.users.size.toLocaleString('en')} users, ${backend.store.sessions.size.toLocaleString('en')} sessions in ${((performance.now() - genStart) / 1000).toFixed(2)} s`,
);

/** Every user's real-session count, summed over a full walk of the list (identified and anonymous). */
async function countedSessions(): Promise<{ sessions: number; users: number }> {
  let cursor: string | null = null;
  let sessions = 0;
  let users = 0;
  const seen = new Set<string>();
  do {
    const page: Page<TrackedUserListItem> = await backend.listUsers({ identity: 'all', limit: 100, cursor });
    for (const user of page.data) {
      if (seen.has(user.id)) throw new Error(`user ${user.id} listed twice`);
      seen.add(user.id);
      sessions += user.sessionCount;
      users++;
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { sessions, users };
}

const before = await countedSessions();

// What was sent, per (project key, SDK session id): events and first / last timestamps.
interface Sent {
  projectKey: string;
  events: number;
  first: number;
  last: number;
}
const sent = new Map<string, Sent>();
let batches = 0;
const ingest = backend.ingest.bind(backend);
backend.ingest = (projectKey, body) => {
  ingest(projectKey, body);
  const { sessionId, events } = body as { sessionId: string; events: { timestamp: number }[] };
  batches++;
  const key = `${projectKey}|${sessionId}`;
  const entry = sent.get(key) ?? { projectKey, events: 0, first: Infinity, last: -Infinity };
  entry.events += events.length;
  for (const event of events) {
    entry.first = Math.min(entry.first, event.timestamp);
    entry.last = Math.max(entry.last, event.timestamp);
  }
  sent.set(key, entry);
};

/** The list's default view: what `<dozor-user-list>` re-reads on every pushed change. */
const DEFAULT_VIEW: ListUsersQuery = { limit: 50 };
/** Other views, read in turn between the default ones and reported per query (not gated). */
const queries: ListUsersQuery[] = [
  { sort: 'sessions' },
  { statuses: ['ONLINE'] },
  { sort: 'active-time', sortDir: 'asc' },
  { search: 'live' },
  { identity: 'anonymous' },
];
const listSamples: number[] = [];
const perQuery: number[][] = queries.map(() => []);
const summarySamples: number[] = [];
/** The same reads with no traffic, for comparison. */
async function quietReads(rounds: number): Promise<{ list: number[]; summary: number[] }> {
  const list: number[] = [];
  const summary: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    await backend.listUsers(DEFAULT_VIEW);
    list.push(performance.now() - start);
    start = performance.now();
    await backend.getSummary();
    summary.push(performance.now() - start);
  }
  return { list, summary };
}
const quiet = await quietReads(300);

const simulators = Array.from({ length: SIMULATORS }, (_, i) =>
  createTrafficSimulator(backend, { ratePerSecond: RATE_PER_SECOND / SIMULATORS, seed: `ingest-load-${i}` }),
);
let lastStep = performance.now();
const timer = setInterval(() => {
  const at = performance.now();
  for (const simulator of simulators) simulator.step(at - lastStep);
  lastStep = at;
}, TICK_MS);
const stop = () => clearInterval(timer);
const loadStart = performance.now();
for (let i = 0; performance.now() - loadStart < DURATION_MS; i++) {
  let start = performance.now();
  await backend.listUsers(DEFAULT_VIEW);
  listSamples.push(performance.now() - start);
  await turn();
  start = performance.now();
  await backend.getSummary();
  summarySamples.push(performance.now() - start);
  await turn();
  start = performance.now();
  await backend.listUsers({ ...queries[i % queries.length], limit: 50 });
  perQuery[i % queries.length]!.push(performance.now() - start);
  await turn();
}
stop();
const loadSeconds = (performance.now() - loadStart) / 1000;

// Every session sent is in the store exactly once, with every event sent, and real exactly when its batches make it real.
let lost = 0;
let wrongEvents = 0;
let wrongReal = 0;
let newReal = 0;
for (const [key, entry] of sent) {
  const sessionId = key.slice(key.indexOf('|') + 1);
  const project = backend.store.projectByKey(entry.projectKey)!;
  const session = backend.store.sessionByExternalId(project.id, sessionId);
  if (!session) {
    lost++;
    continue;
  }
  if (session.eventCount !== entry.events) wrongEvents++;
  const real =
    entry.events >= MIN_REAL_SESSION_EVENTS && Math.round((entry.last - entry.first) / 1000) >= MIN_REAL_SESSION_DURATION_SECONDS;
  if (real !== session.real) wrongReal++;
  if (real) newReal++;
}
const storedIds = new Set([...backend.store.sessions.values()].map((session) => `${session.projectId}|${session.externalId}`));
const duplicated = backend.store.sessions.size - storedIds.size;
const after = await countedSessions();
const counted = after.sessions - before.sessions;

const listP50 = percentile(listSamples, 50);

const summaryP50 = percentile(summarySamples, 50);
console.log(
  `ingest: ${batches.toLocaleString('en')} batches in ${loadSeconds.toFixed(1)} s (${Math.round(batches / loadSeconds).toLocaleString('en')}/s asked ${RATE_PER_SECOND}/s), ${sent.size.toLocaleString('en')} sessions, ${newReal} real`,
);
console.log(
  `sessions: ${lost} lost, ${duplicated} stored twice, ${wrongEvents} with wrong event counts, ${wrongReal} wrongly (not) real; list walk counts ${counted} new real sessions (expected ${newReal})`,
);
console.log(
  `listUsers default view under ingest (n=${listSamples.length}): p50 ${fmt(listP50)}, p95 ${fmt(percentile(listSamples, 95))}; quiet p50 ${fmt(percentile(quiet.list, 50))}`,
);
for (const [i, query] of queries.entries()) {
  console.log(
    `  other view ${JSON.stringify(query)} (n=${perQuery[i]!.length}): p50 ${fmt(percentile(perQuery[i]!, 50))}, p95 ${fmt(percentile(perQuery[i]!, 95))}`,
  );
}
console.log(
  `getSummary under ingest (n=${summarySamples.length}): p50 ${fmt(summaryP50)}, p95 ${fmt(percentile(summarySamples, 95))}; quiet p50 ${fmt(percentile(quiet.summary, 50))}`,
);

const checks = [
  ['0 sessions lost', lost === 0],
  ['0 sessions stored or counted twice', duplicated === 0 && counted === newReal],
  ['every event counted, real sessions exactly the real ones', wrongEvents === 0 && wrongReal === 0],
  [`list (default view) p50 ≤ ${TARGETS.listP50Ms} ms under ingest`, listP50 <= TARGETS.listP50Ms],
  [`summary p50 ≤ ${TARGETS.summaryP50Ms} ms under ingest`, summaryP50 <= TARGETS.summaryP50Ms],
] as const;
for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'} ${label}`);
if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
