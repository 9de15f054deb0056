// The profile over the whole network path: <dozor-user-profile> on the HTTP adapter, answered by the
// MSW handlers in a service worker with 100 ms latency per response, backed by a memory backend.
// Reports the time until every block shows data, and how many requests had to wait for another.
import '../../src/elements/user-profile/define.js';
import { setupWorker } from 'msw/browser';
import { createHttpBackend, createMemoryBackend } from '../../src/backend/index.js';
import { createDozorHandlers } from '../../src/backend/msw/index.js';

interface TimedRequest {
  url: string;
  start: number;
  end: number;
}

declare global {
  interface Window {
    profileBench: Promise<{ ms: number; requests: number; roundTrips: number }>;
  }
}

const LATENCY_MS = 100;

/** Rounds of requests that wait for an earlier one: a request's round is one more than the last round that ended before it started. */
function sequentialRoundTrips(requests: readonly TimedRequest[]): number {
  const rounds = new Map<TimedRequest, number>();
  for (const request of [...requests].sort((a, b) => a.start - b.start)) {
    let round = 1;
    for (const [earlier, earlierRound] of rounds) if (earlier.end <= request.start) round = Math.max(round, earlierRound + 1);
    rounds.set(request, round);
  }
  return Math.max(0, ...rounds.values());
}

function blocksReady(profile: Element): boolean {
  const root = profile.shadowRoot;
  const block = (tag: string) => root?.querySelector(tag)?.shadowRoot;
  return Boolean(
    root?.querySelector('#display-name')?.textContent?.trim() &&
    root.querySelector('[part~="stat"] .stat-value') &&
    root.querySelector('dozor-traits-inspector') &&
    block('dozor-activity-chart')?.querySelector('canvas') &&
    block('dozor-page-distribution')?.querySelector('tbody tr') &&
    block('dozor-sessions-timeline')?.querySelector('.meta') &&
    block('dozor-sessions-table')?.querySelector('tbody tr'),
  );
}

async function run() {
  const memory = createMemoryBackend({ generate: { seed: 'profile-bench', projects: 2, users: 60, days: 14 } });
  const worker = setupWorker(...createDozorHandlers(memory, { baseUrl: location.origin, latencyMs: LATENCY_MS }));
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  const userId = (await memory.listUsers({ sort: 'sessions', limit: 1 })).data[0]!.id;
  const requests: TimedRequest[] = [];
  const http = createHttpBackend({
    baseUrl: location.origin,
    fetch: async (input, init) => {
      const request = { url: String(input instanceof Request ? input.url : input), start: performance.now(), end: Infinity };
      requests.push(request);
      try {
        return await fetch(input, init);
      } finally {
        request.end = performance.now();
      }
    },
  });
  const start = performance.now();
  const profile = document.createElement('dozor-user-profile');
  profile.backend = http;
  profile.userId = userId;
  profile.range = '7d';
  document.getElementById('app')!.append(profile);
  while (!blocksReady(profile)) await new Promise((resolve) => setTimeout(resolve, 2));
  const ms = performance.now() - start;
  return { ms, requests: requests.length, roundTrips: sequentialRoundTrips(requests) };
}

window.profileBench = run();
