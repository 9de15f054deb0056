// The HTTP adapter against the MSW handlers in Node (`msw/node` intercepting the global fetch, the way a
// host's server-side tests or scripts would use them): the memory backend answers the same directly and
// over HTTP, every exchange conforms to the OpenAPI file, edits and errors travel as in the browser.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import spec from '../fixtures/dozor-openapi.tracked-users.json';
import { createHttpBackend } from '../../src/backend/http/index.js';
import { createMemoryBackend } from '../../src/backend/memory/index.js';
import { createDozorHandlers, type DozorFaults } from '../../src/backend/msw/index.js';
import type { DozorBackend, ListUsersQuery } from '../../src/backend/types.js';
import { clock, T0, walk } from '../backend/memory-helpers.js';
import { Contract, projectOnto, type OpenApi, type Operation } from '../backend/openapi-contract.js';

const BASE = 'http://dozor.node.test';
const openApi = spec as unknown as OpenApi;
const memory = createMemoryBackend({
  now: clock(T0).now,
  projects: [
    { id: 'p1', name: 'Production' },
    { id: 'p2', name: 'Staging' },
  ],
  generate: { seed: 'node', users: 40, projects: 2, days: 14, sessionsPerUser: 3 },
});
let faults: DozorFaults = {};
const server = setupServer(
  ...createDozorHandlers(memory, {
    baseUrl: BASE,
    faults: (route, request) => (typeof faults === 'function' ? faults(route, request) : faults[route]),
  }),
);
const contract = new Contract(openApi);
// Through the global fetch at call time: that is the one msw/node patches.
// The memory backend behind the handlers has the real server's bugs fixed: `limitations: {}`.
const http: DozorBackend = createHttpBackend({
  baseUrl: BASE,
  fetch: contract.wrap((input, init) => globalThis.fetch(input, init)),
  retries: 0,
  timeoutMs: 2000,
  limitations: {},
});

const schemaOf = (path: string) => (openApi.paths[path]!['get'] as Operation).responses['200']!.content!['application/json'].schema;
const kindOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { kind?: string }) => error.kind,
  );

before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());
afterEach(() => {
  faults = {};
  assert.deepEqual(contract.violations, []);
});

describe('HTTP adapter → msw/node handlers → memory backend', () => {
  it('walks every list query to the same users as the memory backend', async () => {
    const queries: ListUsersQuery[] = [
      {},
      { sort: 'sessions', sortDir: 'asc', limit: 7 },
      { statuses: ['IDLE_7D', 'DORMANT'], limit: 5 },
      { search: 'e', projectIds: ['p2'], sort: 'newest' },
    ];
    const itemSchema = (schemaOf('/api/tracked-users')['properties'] as Record<string, Record<string, unknown>>)['data']!;
    for (const query of queries) {
      const direct = await walk(memory, query);
      assert.ok(direct.length > 0, JSON.stringify(query));
      const rows = [];
      for (let cursor: string | null | undefined = undefined; cursor !== null;) {
        const page = await http.listUsers({ ...query, cursor });
        rows.push(...page.data);
        cursor = page.nextCursor;
      }
      assert.deepEqual(projectOnto(itemSchema, rows), projectOnto(itemSchema, direct), JSON.stringify(query));
    }
  });

  it('serves the summary and a profile identically', async () => {
    const id = (await memory.listUsers({ sort: 'sessions', limit: 1 })).data[0]!.id;
    assert.deepEqual(await http.getSummary(), projectOnto(schemaOf('/api/tracked-users/summary'), await memory.getSummary()));
    assert.deepEqual(
      projectOnto(schemaOf('/api/tracked-users/{userId}'), await http.getUser(id)),
      projectOnto(schemaOf('/api/tracked-users/{userId}'), await memory.getUser(id)),
    );
    for (const range of ['6h', '24h', '7d'] as const) {
      assert.deepEqual(
        await http.getActivity(id, { range }),
        projectOnto(schemaOf('/api/tracked-users/{userId}/activity'), await memory.getActivity(id, { range })),
      );
      assert.deepEqual(
        await http.getTimeline(id, { range }),
        projectOnto(schemaOf('/api/tracked-users/{userId}/timeline'), await memory.getTimeline(id, { range })),
      );
    }
    assert.deepEqual(
      await http.listSessions(id, { limit: 3 }),
      projectOnto(schemaOf('/api/tracked-users/{userId}/sessions'), await memory.listSessions(id, { limit: 3 })),
    );
    assert.deepEqual(await http.getStatus(id), await memory.getStatus(id));
  });

  it('applies a display-name PATCH to the memory backend', async () => {
    const id = (await memory.listUsers({ limit: 1 })).data[0]!.id;
    await http.updateDisplayName(id, { customName: '  Node rename ' });
    assert.equal((await memory.getUser(id)).displayName, 'Node rename');
    await http.updateDisplayName(id, { customName: null });
    assert.equal((await memory.getUser(id)).customName, null);
  });

  it('maps injected faults and Dozor error statuses to typed errors', async () => {
    const cases: [DozorFaults, string][] = [
      [{ 'GET /api/tracked-users': { status: 401 } }, 'auth'],
      [{ 'GET /api/tracked-users': { status: 429, headers: { 'Retry-After': '3' } } }, 'rate-limit'],
      [{ 'GET /api/tracked-users': { status: 503 } }, 'server'],
      [{ 'GET /api/tracked-users': { malformed: true } }, 'invalid-response'],
      [{ 'GET /api/tracked-users': { networkError: true } }, 'network'],
    ];
    for (const [fault, kind] of cases) {
      faults = fault;
      contract.violations.length = 0;
      assert.equal(await kindOf(http.listUsers()), kind, JSON.stringify(fault));
    }
    contract.violations.length = 0;
    faults = {};
    assert.equal(await kindOf(http.getUser('no-such-user')), 'not-found');
  });
});
