// The memory backend at scale (issue 3): 100,000 users and about 1,000,000 sessions, then a mix of
// list pages (sorts × directions × filters × searches, first and later pages) and summaries.
// Prints p50 / p95 per operation, the generation time and the heap, and checks the targets.
import { createMemoryBackend, type ListUsersQuery, type UserSort } from '../src/backend/index.js';
import { USER_STATUSES } from '../src/core/index.js';
import { fmt, percentile } from './stats.js';

const USERS = 100_000;
const SESSIONS_PER_USER = 10;
// Issue 17's targets (the first page of a list and the summary within 2 ms at the median).
const TARGETS = { listP50Ms: 2, summaryP50Ms: 2, generationS: 12 };
const NOW = Date.parse('2026-11-22T12:00:00.000Z');
const clockStart = performance.now();
/** A clock that advances in real time, so status filters cannot be served from a frozen instant. */
const now = () => NOW + Math.floor(performance.now() - clockStart);

declare const gc: (() => void) | undefined;

function heapMb(): number {
  if (typeof gc === 'function') gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const heapBefore = heapMb();
const genStart = performance.now();
const backend = createMemoryBackend({
  now,
  projects: [
    { id: 'prj_prod', name: 'Production' },
    { id: 'prj_web', name: 'Marketing site' },
    { id: 'prj_mobile', name: 'Mobile web' },
  ],
  generate: { seed: 'bench', users: USERS, sessionsPerUser: SESSIONS_PER_USER, days: 89 },
});
const generationS = (performance.now() - genStart) / 1000;
const heapAfter = heapMb();
console.log(
  `generated ${backend.store.users.size.toLocaleString('en')} users, ${backend.store.sessions.size.toLocaleString('en')} sessions in ${generationS.toFixed(2)} s; heap ${(heapAfter - heapBefore).toFixed(0)} MB`,
);

const sorts: UserSort[] = ['last-seen', 'sessions', 'active-time', 'newest'];
const filters: ListUsersQuery[] = [
  {},
  { statuses: ['ACTIVE_24H'] },
  { statuses: ['IDLE_7D', 'DORMANT'] },
  { projectIds: ['prj_web'] },
  { identity: 'anonymous' },
  { search: 'garcia' },
  { search: 'northwind.test' },
  { search: 'usr_0a' },
  { search: 'no-such-person' },
  { projectIds: ['prj_prod'], statuses: [USER_STATUSES[0]!, 'ACTIVE_24H'], search: 'a' },
];
const queries: ListUsersQuery[] = [];
for (let i = 0; queries.length < 200; i++) {
  queries.push({ ...filters[i % filters.length], sort: sorts[i % sorts.length], sortDir: i % 3 === 0 ? 'asc' : 'desc', limit: 20 });
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

// One warm-up pass so the first-touch index builds are reported on their own line, not in the medians.
const [firstListMs] = await time(() => backend.listUsers({ sort: 'active-time' }));
const [firstSummaryMs] = await time(() => backend.getSummary());

const listSamples: number[] = [];
const nextPageSamples: number[] = [];
for (const query of queries) {
  const [ms, page] = await time(() => backend.listUsers(query));
  listSamples.push(ms);
  if (page.nextCursor) {
    const [nextMs] = await time(() => backend.listUsers({ ...query, cursor: page.nextCursor }));
    nextPageSamples.push(nextMs);
  }
}
const summarySamples: number[] = [];
for (let i = 0; i < 100; i++) summarySamples.push((await time(() => backend.getSummary()))[0]);

const listP50 = percentile(listSamples, 50);
const summaryP50 = percentile(summarySamples, 50);
console.log(`first list page (index build): ${fmt(firstListMs)}; first summary: ${fmt(firstSummaryMs)}`);
console.log(`listUsers first pages (n=${listSamples.length}): p50 ${fmt(listP50)}, p95 ${fmt(percentile(listSamples, 95))}`);
console.log(
  `listUsers next pages  (n=${nextPageSamples.length}): p50 ${fmt(percentile(nextPageSamples, 50))}, p95 ${fmt(percentile(nextPageSamples, 95))}`,
);
console.log(`getSummary (n=100): p50 ${fmt(summaryP50)}, p95 ${fmt(percentile(summarySamples, 95))}`);

const checks = [
  [`list page p50 ≤ ${TARGETS.listP50Ms} ms`, listP50 <= TARGETS.listP50Ms],
  [`summary p50 ≤ ${TARGETS.summaryP50Ms} ms`, summaryP50 <= TARGETS.summaryP50Ms],
  [`generation ≤ ${TARGETS.generationS} s`, generationS <= TARGETS.generationS],
] as const;
for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'} ${label}`);
if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
